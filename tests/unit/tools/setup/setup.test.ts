import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../../lambda/src/config/load';
import { seedSampleAccount, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { runSetup, SetupError } from '../../../../tools/setup/setup';
import type { Proposal } from '../../../../tools/setup/propose';
import { ScriptedPrompter, useLocalAws, workFolder } from '../../../support/account-tools';

const work = workFolder('ptp-setup-');
let aws: LocalAws;
const lines: string[] = [];
const log = (line: string) => lines.push(line);

beforeAll(async () => {
  aws = await startLocalAws({ strictRegion: true });
  seedSampleAccount(aws.store);
  useLocalAws(aws);
});
afterAll(async () => aws.close());
beforeEach(() => {
  lines.splice(0);
  aws.clearCalls();
});

const environments = (config: Record<string, unknown>) => (config['services'] as { name: string; environments: Record<string, unknown> }[])
  .flatMap((s) => Object.entries(s.environments).map(([key, environment]) => [`${s.name} ${key}`, environment]));

describe('npm run setup against an account', () => {
  it('with --yes writes a config the schema accepts, from every proposal, reading every page of every list', async () => {
    // Act
    const { config, leftOut } = await runSetup({ out: work.path('yes.json'), yes: true, artefacts: false, log });

    // Assess
    expect(parseConfig(work.read('yes.json'), 'setup output')).toBeDefined();
    expect(Object.fromEntries(environments(config))).toEqual({
      'billing production': { pipeline: 'billing-production', codeDeploy: { application: 'billing-service', deploymentGroup: 'billing-prod-fleet' } },
      'billing staging': { pipeline: 'billing-staging', codeDeploy: { application: 'billing-service', deploymentGroup: 'billing-staging-fleet' } },
      'checkout production': { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' } },
      'checkout staging': { pipeline: 'checkout-staging', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } },
      'search development': { pipeline: 'search-dev' },
      'search production': { pipeline: 'search-prod' },
      'inventory production': { codeDeploy: { application: 'inventory', deploymentGroup: 'inventory-prod' } },
      'inventory staging': { codeDeploy: { application: 'inventory', deploymentGroup: 'inventory-staging' } },
    });
    expect(config).toMatchObject({ allowedUsers: [], region: 'us-east-1' });
    expect(leftOut.map((item) => item.pipeline)).toEqual(['legacy-monolith', 'nightly-reports']);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}left out: pipeline nightly-reports has no CodeDeploy action/)]));
    // Eight pipelines come in pages of five: a second page was asked for.
    expect(aws.calls().filter((c) => c.operation === 'ListPipelines').map((c) => c.input['nextToken'] === undefined)).toEqual([true, false]);
    expect(aws.calls().filter((c) => c.operation === 'GetPipeline')).toHaveLength(8);
  });

  it('asks which proposals to take and where to put what it could not place, and writes only those', async () => {
    // Prepare: the person drops search and places legacy-monolith as monolith production.
    const prompter = new ScriptedPrompter({
      checkbox: (choices) => choices.map((c) => c.value as Proposal).filter((p) => p.service !== 'search'),
      confirm: (message) => message.startsWith('pipeline legacy-monolith') || message.startsWith('Write '),
      input: (message) => (message.startsWith('Service') ? 'monolith' : 'production'),
    });

    // Act
    const { config } = await runSetup({ out: work.path('asked.json'), yes: false, prompter, artefacts: false, log });

    // Assess
    const names = environments(config).map(([name]) => name);
    expect(names).not.toContain('search production');
    expect(Object.fromEntries(environments(config))['monolith production']).toEqual({ pipeline: 'legacy-monolith', codeDeploy: { application: 'monolith', deploymentGroup: 'monolith-blue' } });
    expect(prompter.asked[0]).toMatch(/^Services and environments found/);
    expect(prompter.asked.at(-1)).toBe(`Write ${work.path('asked.json')}?`);
  });

  it("keeps an existing config's people and drops its example ids", async () => {
    // Prepare
    const alice = `amzn1.ask.person.${'A'.repeat(40)}`;
    writeFileSync(work.path('existing.json'), JSON.stringify({
      allowedUsers: ['amzn1.ask.account.EXAMPLE', alice], admins: [alice], people: { [alice]: 'Alice' }, timeZone: 'Europe/Berlin',
      policies: { production: { allowedUsers: [alice] } },
      services: [{ name: 'checkout', synonyms: ['the shop'], environments: { production: { pipeline: 'checkout-prod' } } }],
    }));

    // Act
    const { config } = await runSetup({ out: work.path('existing.json'), yes: true, artefacts: false, log });

    // Assess
    expect(config).toMatchObject({ allowedUsers: [alice], admins: [alice], people: { [alice]: 'Alice' }, timeZone: 'Europe/Berlin', policies: { production: { allowedUsers: [alice] } } });
    expect((config['services'] as { name: string; synonyms?: string[] }[]).find((s) => s.name === 'checkout')?.synonyms).toEqual(['the shop']);
  });

  it('regenerates the slot types and the release policy from what it wrote', async () => {
    // Act
    await runSetup({ out: work.path('regenerated.json'), yes: true, artefacts: work.artefacts, log });

    // Assess
    const model = readFileSync(join(work.artefacts.modelsDir, 'en-US.json'), 'utf8');
    const template = readFileSync(work.artefacts.templatePath, 'utf8');
    expect(model).toContain('"inventory"');
    expect(template).toContain(':billing-production');
    expect(template).toContain('deploymentgroup:inventory/inventory-staging');
  });

  it('writes nothing when the region has nothing to place, and says which region it read', async () => {
    // Act
    const running = runSetup({ out: work.path('empty.json'), yes: true, region: 'eu-north-1', artefacts: false, log });

    // Assess
    await expect(running).rejects.toThrow(new SetupError("nothing to write: no pipeline or deployment group in eu-north-1 was placed; is that the account's region (AWS_REGION, --region)?"));
    expect(() => readFileSync(work.path('empty.json'))).toThrow(/ENOENT/);
  });

  it('refuses to overwrite a file that is not JSON', async () => {
    // Prepare
    writeFileSync(work.path('broken.json'), '{ "allowedUsers": ');

    // Act and assess
    await expect(runSetup({ out: work.path('broken.json'), yes: true, artefacts: false, log })).rejects.toThrow(/broken\.json is not JSON/);
    expect(readFileSync(work.path('broken.json'), 'utf8')).toBe('{ "allowedUsers": ');
  });
});
