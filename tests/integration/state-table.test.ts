import type { RequestEnvelope } from 'ask-sdk-model';
import { createHandler } from '../../lambda/src/index';
import { parseConfig } from '../../lambda/src/config/load';
import { silentLogger } from '../../lambda/src/logging/logger';
import { startLocalAws, type LocalAws } from '../../tools/local-aws';
import { configFiles } from '../support/config-files';
import { spoken } from '../support/conversation';
import { intent, intentRequest, slot, type Caller } from '../support/envelopes';
import { unconfirmed, yesTo } from '../support/read-back';
import { TEST_CONFIG } from '../support/test-skill';

/**
 * State as production keeps it: one DynamoDB table that every Lambda instance reads and writes, here local AWS's
 * (dynalite behind it, so conditional writes are judged as DynamoDB judges them). Two handlers made by the
 * composition root, with real SDK clients, stand for two Lambda instances.
 */

const TABLE = 'push-to-prod-state';
const saved = { ...process.env };
const CONFIG = { ...TEST_CONFIG, stateTable: TABLE };
const configPath = configFiles('ptp-state-').json(CONFIG);
const BOB: Caller = { userId: 'amzn1.ask.account.HOUSEHOLD', personId: 'amzn1.ask.person.ALLOWED_VOICE' };
let aws: LocalAws;

type Handler = ReturnType<typeof createHandler>;
const lambdaInstance = (): Handler => createHandler({ env: { PUSH_TO_PROD_CONFIG: configPath }, logger: silentLogger });

const production = () => ({ environment: slot('environment', 'production', 'production') });
const lock = (caller?: Caller) => intentRequest(intent('LockIntent', production()), caller, 'COMPLETED');
const unlock = (caller?: Caller) => intentRequest(intent('UnlockIntent', production()), caller, 'COMPLETED');
const confirmedDeploy = (caller?: Caller): RequestEnvelope => intentRequest(
  intent('DeployIntent', { service: slot('service', 'checkout', 'checkout'), ...production() }, 'CONFIRMED'), caller, 'COMPLETED',
);
/** "Push checkout to production", read back, then yes: the person's whole request, through one instance. */
async function deployAfterYes(handler: Handler, caller?: Caller) {
  const question = unconfirmed(confirmedDeploy(caller));
  return handler(yesTo(question, await handler(question)));
}
const operations = (service: string) => aws.calls().filter((call) => call.service === service).map((call) => call.operation);

beforeEach(async () => {
  aws = await startLocalAws({ config: parseConfig(CONFIG, 'test config'), stageDurationMs: 1, region: 'eu-west-1' });
  Object.assign(process.env, aws.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
});

afterEach(async () => {
  await aws.close();
  process.env = { ...saved };
});


describe('a state table shared by Lambda instances', () => {
  it('keeps a lock taken through one instance in force in another, until it is unlocked', async () => {
    // Prepare
    const first = lambdaInstance();
    const second = lambdaInstance();
    expect(spoken(await first(lock()))).toMatch(/^Done: production is locked/);

    // Act
    const refused = spoken(await second(confirmedDeploy(BOB)));
    const unlocked = spoken(await first(unlock()));
    const started = spoken(await deployAfterYes(second, BOB));

    // Assess
    expect(refused).toMatch(/^production is locked by .+ Nothing was changed\.$/);
    expect(unlocked).toBe('Done: production is unlocked.');
    expect(started).toMatch(/^Done: the checkout-prod pipeline has started/);
    expect(aws.mutatingCalls().map((call) => call.operation)).toEqual(['StartPipelineExecution']);
    expect(operations('dynamodb')).toEqual(expect.arrayContaining(['GetItem', 'PutItem', 'DeleteItem']));
  });

  it('gives a lock to exactly one of two people locking at once through different instances', async () => {
    // Act
    const answers = await Promise.all([lambdaInstance()(lock()), lambdaInstance()(lock(BOB))]);

    // Assess
    const said = answers.map(spoken);
    expect(said.filter((answer) => answer.startsWith('Done: production is locked'))).toHaveLength(1);
    expect(said.filter((answer) => answer.startsWith('production is already locked by'))).toHaveLength(1);
  });

  it('starts nothing when the lock cannot be read, and says so', async () => {
    // Prepare
    aws.faults.inject({ service: 'dynamodb', operation: 'GetItem', kind: 'accessDenied' });

    // Act
    const answer = spoken(await lambdaInstance()(confirmedDeploy()));

    // Assess
    expect(answer).toBe("AWS refused me permission to do that. Nothing was changed. Check the skill's IAM role.");
    expect(aws.mutatingCalls()).toEqual([]);
  });
});
