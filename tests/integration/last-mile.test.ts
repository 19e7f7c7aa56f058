import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { loadConfigFile } from '../../lambda/src/config/load';
import { SKILL_ID_VARIABLE } from '../../lambda/src/config/skill-id';
import { createHandler } from '../../lambda/src/index';
import { silentLogger } from '../../lambda/src/logging/logger';
import { accountClients } from '../../tools/account/clients';
import { deployRefusals } from '../../tools/deploy/check';
import { diagnose } from '../../tools/doctor/doctor';
import { formatFinding } from '../../tools/doctor/findings';
import { seedSampleAccount, startLocalAws, type LocalAws } from '../../tools/local-aws';
import { DEFAULT_CONFIG_PATH } from '../../tools/model/generate';
import type { InteractionModel } from '../../tools/model/interaction-model';
import { runSetup } from '../../tools/setup/setup';
import { useLocalAws, workFolder } from '../support/account-tools';
import { Conversation } from '../support/conversation';
import { ALLOWED_USER, SKILL_ID } from '../support/envelopes';
import { validateInteractionModel } from '../support/smapi-schema';

/**
 * The last mile, as a newcomer walks it: the config as cloned (example users, a service the account does not have),
 * `npm run setup -- --yes` against an account, `npm run doctor`, adding oneself from the card, and the skill, with the
 * skill id the stack passes, answering for a service setup discovered, through the AWS endpoints in the environment.
 */

const work = workFolder('ptp-last-mile-');
const configPath = work.path('push-to-prod.json');
let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws({ strictRegion: true });
  seedSampleAccount(aws.store);
  useLocalAws(aws);
  copyFileSync(DEFAULT_CONFIG_PATH, configPath);
});
afterAll(async () => aws.close());

describe('from a fresh clone to a skill that answers', () => {
  it('goes from the shipped config through setup and doctor to a status and a deploy of a discovered service', async () => {
    // The shipped config may not be deployed as it is.
    expect(deployRefusals(configPath, work.dir).length).toBeGreaterThan(0);

    // npm run setup -- --yes
    await runSetup({ out: configPath, yes: true, artefacts: work.artefacts, log: () => undefined });
    const model = JSON.parse(readFileSync(join(work.artefacts.modelsDir, 'en-US.json'), 'utf8')) as InteractionModel;
    expect(validateInteractionModel(model)).toBe(true);
    expect(deployRefusals(configPath, work.dir)).toEqual([]);

    // npm run doctor
    const clients = await accountClients();
    const findings = await diagnose(loadConfigFile(configPath), clients);
    clients.destroy();
    expect(findings.filter((f) => f.level === 'problem').map(formatFinding)).toEqual([]);

    // The card the skill shows a stranger gives the line to add; the newcomer adds it and deploys again.
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { allowedUsers: string[] };
    writeFileSync(configPath, JSON.stringify({ ...config, allowedUsers: [ALLOWED_USER] }));

    // The deployed skill: the stack passes the skill id; the SDK finds AWS through the environment.
    const handler = createHandler({ env: { ...process.env, PUSH_TO_PROD_CONFIG: configPath, [SKILL_ID_VARIABLE]: SKILL_ID, AWS_LAMBDA_FUNCTION_NAME: 'push-to-prod' }, logger: silentLogger });
    const skill = { invoke: (envelope: RequestEnvelope) => handler(envelope) } as unknown as Skill;

    const status = new Conversation(skill);
    const said = await status.send({ type: 'IntentRequest', dialogState: 'COMPLETED', intent: {
      name: 'StatusIntent', confirmationStatus: 'NONE',
      slots: { service: { name: 'service', value: 'billing', confirmationStatus: 'NONE' }, environment: { name: 'environment', value: 'production', confirmationStatus: 'NONE' } },
    } });
    expect(said).toMatch(/^The latest release of billing in production, .* succeeded./);
    expect(aws.calls().map((c) => c.operation)).toEqual(expect.arrayContaining(['ListPipelineExecutions']));
    expect(aws.calls().some((c) => c.input['pipelineName'] === 'billing-production' || c.input['name'] === 'billing-production')).toBe(true);

    const deploy = new Conversation(skill);
    const readBack = await deploy.ask('DeployIntent', { service: ['billing', 'billing'], environment: ['prod', 'production'] });
    expect(readBack).toMatch(/billing-production/);
    await deploy.yes();
    expect(aws.mutatingCalls().map((c) => [c.operation, c.input['name']])).toEqual([['StartPipelineExecution', 'billing-production']]);
  });
});
