import type { ResponseEnvelope } from 'ask-sdk-model';
import { parseConfig } from '../../lambda/src/config/load';
import { createHandler } from '../../lambda/src/index';
import { silentLogger } from '../../lambda/src/logging/logger';
import { startLocalAws, type LocalAws } from '../../tools/local-aws';
import { configFiles } from '../support/config-files';
import { spoken } from '../support/conversation';
import { intent, intentRequest, slot } from '../support/envelopes';
import { settleSdkTimers } from '../support/sdk-timers';
import { TEST_CONFIG } from '../support/test-skill';

/**
 * The composition root, real SDK clients and all, reporting on twelve services and environments against the local
 * AWS while CodePipeline answers slowly: the answer comes in time, made of what was read, naming what was not.
 */

// Four services are read at a time, each read waiting SLOW_MS for CodePipeline: the first four fit in the budget
// (with room for a loaded machine), eight would not.
const BUDGET_MS = 5000;
const SLOW_MS = 2500;
const saved = { ...process.env };
const configs = configFiles('ptp-report-');
const SERVICES = ['cart', 'search', 'payments', 'accounts', 'catalog', 'shipping'];
const config = {
  ...TEST_CONFIG,
  services: SERVICES.map((name) => ({
    name,
    environments: {
      production: { pipeline: `${name}-prod`, codeDeploy: { application: name, deploymentGroup: `${name}-prod` } },
      staging: { pipeline: `${name}-staging`, codeDeploy: { application: name, deploymentGroup: `${name}-staging` } },
    },
  })),
};
let aws: LocalAws | undefined;

beforeEach(async () => {
  aws = await startLocalAws({ config: parseConfig(config, 'test config'), region: 'eu-west-1', historyWeeks: 1 });
  Object.assign(process.env, aws.env);
});

afterEach(async () => {
  await aws?.close();
  process.env = { ...saved };
});

// The deadline cuts the slow reads short, and the SDK leaves a one-second timer behind each (support/sdk-timers.ts).
afterAll(settleSdkTimers);

const howAreWeDoing = () => intentRequest(intent('ReportIntent', {}));

describe('a report within the invocation deadline', () => {
  it('answers in time with the services it read and names the ones it left out', async () => {
    // Prepare: a warm Lambda (the SDK loaded by a first, prompt report), then CodePipeline turns slow.
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: configs.json(config) }, logger: silentLogger, budgetMs: BUDGET_MS });
    await handler(intentRequest(intent('ReportIntent', { service: slot('service', 'cart', 'cart'), environment: slot('environment', 'production', 'production') })));
    aws?.faults.inject({ kind: 'slow', service: 'codepipeline', delayMs: SLOW_MS });
    const started = Date.now();

    // Act
    const response: ResponseEnvelope = await handler(howAreWeDoing());

    // Assess
    expect(Date.now() - started).toBeLessThan(BUDGET_MS);
    const words = spoken(response);
    expect(words).toMatch(/^In the last seven days, you shipped /);
    expect(words).toMatch(/I left out .+: AWS didn't answer in time\.$/);
    const card = (response.response.card as { content: string }).content;
    const reported = SERVICES.flatMap((s) => ['production', 'staging'].map((e) => `${s} in ${e}`)).filter((row) => card.includes(`${row}\n  Shipped:`));
    const leftOut = [...card.matchAll(/^Left out: (.+) \(AWS did not answer in time\)$/gm)].map((m) => m[1]);
    // Four are read at a time, and a second four could not finish in time: at most the first four are reported (fewer
    // only on a machine so loaded that one of them ran late too), and every other one is named as left out.
    expect(reported.length).toBeGreaterThanOrEqual(1);
    expect(reported.length).toBeLessThanOrEqual(4);
    expect(new Set([...reported, ...leftOut]).size).toBe(12);
    expect(reported.length + leftOut.length).toBe(12);
  });

  it('reports every service when AWS answers promptly', async () => {
    // Prepare
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: configs.json(config) }, logger: silentLogger, budgetMs: BUDGET_MS });

    // Act
    const response = await handler(howAreWeDoing());

    // Assess
    expect(spoken(response)).not.toContain('I left out');
    expect((response.response.card as { content: string }).content).not.toContain('Left out');
    expect(aws?.mutatingCalls()).toEqual([]);
  });
});
