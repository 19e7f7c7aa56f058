import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../../lambda/src/config/load';
import { accountClients, AccountAccessError, type AccountClients } from '../../../../tools/account/clients';
import { diagnose } from '../../../../tools/doctor/doctor';
import { formatFinding, type Finding } from '../../../../tools/doctor/findings';
import { seedSampleAccount, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { useLocalAws, workFolder } from '../../../support/account-tools';
import { main } from '../../../../tools/doctor/main';
import { testIo } from '../../../support/tool-io';

const ROOT = join(__dirname, '..', '..', '..', '..');
const work = workFolder('ptp-doctor-');
const ALICE = `amzn1.ask.account.${'A'.repeat(40)}`;
let aws: LocalAws;
let clients: AccountClients;

beforeAll(async () => {
  aws = await startLocalAws({ strictRegion: true, stateTable: 'push-to-prod-state' });
  seedSampleAccount(aws.store);
  useLocalAws(aws);
  clients = await accountClients();
});
afterAll(async () => {
  clients.destroy();
  await aws.close();
});

/** The sample account's checkout, as setup would write it, with `changes`. */
const healthy = {
  allowedUsers: [ALICE], region: 'us-east-1', stateTable: 'push-to-prod-state',
  services: [{
    name: 'checkout',
    environments: {
      production: { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' }, rollbackStage: 'Deploy' },
      staging: { pipeline: 'checkout-staging', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } },
    },
  }],
};
const withEnvironment = (environment: Record<string, unknown>, extra: Record<string, unknown> = {}) => parseConfig({
  ...healthy, ...extra, services: [{ name: 'checkout', environments: { production: environment } }],
}, 'test');
const problems = (findings: Finding[]) => findings.filter((f) => f.level === 'problem').map(formatFinding);

describe('npm run doctor', () => {
  it('finds no problem in a config that matches the account', async () => {
    // Act
    const findings = await diagnose(parseConfig(healthy, 'test'), clients);

    // Assess
    expect(problems(findings)).toEqual([]);
    expect(findings.map((f) => f.subject)).toEqual(expect.arrayContaining(['checkout production', 'checkout staging', 'stateTable', 'skillId', 'allowedUsers']));
  });

  it.each([
    ['a pipeline that does not exist', { pipeline: 'checkout-production' }, {},
      'PROBLEM  checkout production: pipeline checkout-production does not exist in us-east-1 → correct the name or the region (npm run setup lists what there is)'],
    ['a pipeline looked for in the wrong region', { pipeline: 'checkout-prod', region: 'eu-west-1' }, {},
      'PROBLEM  checkout production: pipeline checkout-prod does not exist in eu-west-1 → correct the name or the region (npm run setup lists what there is)'],
    ['a pipeline whose deploy action goes to another group', { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } }, {},
      'PROBLEM  checkout production: pipeline checkout-prod deploys to checkout/checkout-prod, not to the configured checkout/checkout-staging → set codeDeploy to { "application": "checkout", "deploymentGroup": "checkout-prod" }, or correct the pipeline'],
    ['a deployment group that does not exist', { codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-blue' } }, {},
      'PROBLEM  checkout production: deployment group checkout/checkout-blue does not exist in us-east-1 → correct the names or the region (npm run setup lists what there is)'],
    ['an application that does not exist', { codeDeploy: { application: 'shop', deploymentGroup: 'shop-prod' } }, {},
      'PROBLEM  checkout production: application shop does not exist in us-east-1 → correct the names or the region (npm run setup lists what there is)'],
    ['a rollbackStage the pipeline does not have', { pipeline: 'search-prod', rollbackStage: 'Release' }, {},
      'PROBLEM  checkout production: rollbackStage Release is not a stage of search-prod (Source, Build, Deploy) → name one of its stages'],
    ['a state table that does not exist', { pipeline: 'search-prod' }, { stateTable: 'push-to-prod-locks' },
      'PROBLEM  stateTable: table push-to-prod-locks does not exist in us-east-1 → name the table the stack created, or remove stateTable (the stack passes its own)'],
    ['the example allowlist', { pipeline: 'search-prod' }, { allowedUsers: ['amzn1.ask.account.EXAMPLE'] },
      "PROBLEM  allowedUsers[0]: amzn1.ask.account.EXAMPLE is the shipped example, nobody's id → remove it; add real ids from the card the skill shows someone not on the list"],
    ['the placeholder skill id', { pipeline: 'search-prod' }, { skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000' },
      'PROBLEM  skillId: is the example placeholder, which names no skill → remove "skillId" from the config: the deploy passes the real one to the skill'],
  ])('reports %s in one line with what to do', async (_what, environment, extra, line) => {
    // Act
    const findings = await diagnose(withEnvironment(environment, extra), clients);

    // Assess
    expect(problems(findings)).toEqual([line]);
  });

  it('warns, without failing, about a CodeDeploy action the config leaves out and about an allowlist of nobody', async () => {
    // Act
    const findings = await diagnose(withEnvironment({ pipeline: 'checkout-prod' }, { allowedUsers: [] }), clients);

    // Assess
    expect(problems(findings)).toEqual([]);
    expect(findings.filter((f) => f.level === 'warning').map((f) => f.subject)).toEqual(['allowedUsers', 'checkout production']);
  });

  it('says that there are no credentials, rather than that each pipeline is missing', async () => {
    // Prepare
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY, home: process.env.HOME };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    process.env.HOME = work.dir;
    const bare = await accountClients();

    // Act
    const diagnosing = diagnose(parseConfig(healthy, 'test'), bare);

    // Assess
    await expect(diagnosing).rejects.toThrow(AccountAccessError);
    await expect(diagnosing).rejects.toThrow(/^no AWS credentials found/);
    bare.destroy();
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: saved.id, AWS_SECRET_ACCESS_KEY: saved.secret, HOME: saved.home });
  });

  it('exits 1 on a problem and 0 without one, printing one line per finding', async () => {
    // Prepare
    writeFileSync(work.path('good.json'), JSON.stringify(healthy));
    writeFileSync(work.path('bad.json'), JSON.stringify({ ...healthy, stateTable: 'nope-table' }));
    const doctor = (config: string) => new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tools', 'doctor', 'main.ts'), '--config', config], {
        cwd: work.dir, timeout: 60_000, env: { PATH: process.env.PATH, HOME: work.dir, ...aws.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
      child.on('close', (code) => done({ code, stdout }));
    });

    // The same run in this process (the local AWS is in process.env, where the SDK looks): one real process is enough.
    const inProcess = async (config: string) => {
      const { io, stdout } = testIo(process.env);
      return { code: await main(['--config', config], io), stdout: stdout() };
    };

    // Act
    const [good, bad] = await Promise.all([inProcess(work.path('good.json')), doctor(work.path('bad.json'))]);

    // Assess
    expect(good.code).toBe(0);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^PROBLEM {2}stateTable: table nope-table does not exist in us-east-1 → /m);
    expect(bad.stdout.trimEnd().split('\n').at(-1)).toBe('doctor: 1 problem(s), 0 warning(s)');
  }, 90_000);

});
