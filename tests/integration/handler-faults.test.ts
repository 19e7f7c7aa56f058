import { createHandler } from '../../lambda/src/index';
import { silentLogger } from '../../lambda/src/logging/logger';
import { configFiles } from '../support/config-files';
import { spoken } from '../support/conversation';
import { intent, intentRequest, slot } from '../support/envelopes';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';
import { TEST_CONFIG } from '../support/test-skill';

/** The composition root, real AWS SDK clients and all, against AWS endpoints on 127.0.0.1 that misbehave. */

const ALEXA_PATIENCE_MS = 8000;
const saved = { ...process.env };
let server: LoopbackServer | undefined;

const configs = configFiles('ptp-handler-');
const configFile = () => configs.json();

function pointAwsAt(url: string) {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_CODEPIPELINE: url, AWS_ENDPOINT_URL_CODEDEPLOY: url,
    AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'loopback-secret', AWS_REGION: 'eu-west-1',
  });
}

afterEach(async () => {
  await server?.close();
  server = undefined;
  process.env = { ...saved };
});

/** The yes to the read-back of a pipeline with no releases yet, as the session holds it. */
const confirmedDeploy = () => intentRequest(intent('DeployIntent', {
  service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production'),
}, 'CONFIRMED'), { newSession: false, attributes: { pending: { action: 'deploy', service: 'checkout', environment: 'production', key: 'after:none' } } }, 'IN_PROGRESS');

describe('the Lambda handler under AWS faults', () => {
  it('answers within Alexa\'s patience when AWS never answers, and says nothing changed', async () => {
    server = await startLoopbackServer(() => undefined);
    pointAwsAt(server.url);
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: configFile() }, logger: silentLogger });
    const started = Date.now();

    const response = await handler(confirmedDeploy());

    expect(Date.now() - started).toBeLessThan(ALEXA_PATIENCE_MS);
    expect(spoken(response)).toBe("AWS didn't answer in time, so I can't tell you. Nothing was changed. Please try again in a minute.");
    expect(server.operations).not.toContain('StartPipelineExecution');
  });

  it('says the outcome is unknown, not done, when the start itself hangs', async () => {
    server = await startLoopbackServer((op) => (op === 'ListPipelineExecutions' ? { status: 200, body: { pipelineExecutionSummaries: [] } } : undefined));
    pointAwsAt(server.url);
    // A short budget: the deadline logic is the same at any length (the case above waits out the real one).
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: configFile() }, logger: silentLogger, budgetMs: 1500 });
    const started = Date.now();

    const response = await handler(confirmedDeploy());

    expect(Date.now() - started).toBeLessThan(2000);
    expect(spoken(response)).toMatch(/^I asked CodePipeline to start checkout-prod, but got no answer in time, so I can't tell whether/);
    expect(server.operations.filter((op) => op === 'StartPipelineExecution').length).toBeGreaterThanOrEqual(1);
  });

  it('explains AccessDenied in plain words', async () => {
    server = await startLoopbackServer(() => ({ status: 400, body: { __type: 'AccessDeniedException', message: 'User is not authorized' } }));
    pointAwsAt(server.url);
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: configFile() }, logger: silentLogger });

    const response = await handler(confirmedDeploy());

    expect(spoken(response)).toBe("AWS refused me permission to read the pipeline. Nothing was changed. Check the skill's IAM role.");
  });

  it('retries throttling within the budget and then starts exactly one release', async () => {
    let throttles = 2;
    server = await startLoopbackServer((op) => {
      if (throttles > 0) {
        throttles -= 1;
        return { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } };
      }
      return op === 'ListPipelineExecutions'
        ? { status: 200, body: { pipelineExecutionSummaries: [] } }
        : { status: 200, body: { pipelineExecutionId: '0d4c8a51-9f0e-4a5e-8f43-000000000001' } };
    });
    pointAwsAt(server.url);
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: configFile() }, logger: silentLogger });

    const response = await handler(confirmedDeploy());

    expect(spoken(response)).toMatch(/^Done: the checkout-prod pipeline has started, and checkout is on its way to production\./);
    expect((response.response.card as { content?: string } | undefined)?.content).toContain('\nExecution: 0d4c8a51-9f0e-4a5e-8f43-000000000001\n');
    expect(server.operations.filter((op) => op === 'StartPipelineExecution')).toHaveLength(1);
  });

  it('refuses to start with a broken config, naming the field', async () => {
    const path = configs.json({ ...TEST_CONFIG, allowedUsers: 'everyone' });
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: path }, logger: silentLogger });

    await expect(handler(confirmedDeploy())).rejects.toThrow(/allowedUsers: Invalid input: expected array, received string/);
  });
});
