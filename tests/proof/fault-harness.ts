import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { parseConfig } from '../../lambda/src/config/load';
import { ROLLBACK_DESCRIPTION } from '../../lambda/src/domain/release';
import { createHandler } from '../../lambda/src/index';
import { DEFAULT_BUDGET_MS } from '../../lambda/src/runtime/deadline';
import { silentLogger } from '../../lambda/src/logging/logger';
import { closedPortUrl, MUTATING_OPERATIONS, startLocalAws, type FaultSpec, type LocalAws } from '../../tools/local-aws';
import { configFiles } from '../support/config-files';
import { spoken } from '../support/conversation';
import { intent, intentRequest, slot } from '../support/envelopes';
import { invalidSsml } from '../support/ssml-check';
import { yesTo } from '../support/read-back';
import { TEST_CONFIG } from '../support/test-skill';
import { settleSdkTimers } from '../support/sdk-timers';

/**
 * Proof that the skill can be trusted with production when AWS misbehaves: the real Lambda handler, real AWS SDK
 * clients, and the local CodePipeline/CodeDeploy reached only through the SDK's endpoint variables. Every case is
 * held to the same invariants: an answer in Alexa's time, honest words, and never one action done twice. The cases
 * run from two test files (reads and deploys; rollbacks), so that jest runs them side by side.
 */

/** Alexa gives up on a skill after about eight seconds; the skill's own budget is 6.5 s, so allow it a little jitter. */
const ALEXA_PATIENCE_MS = 8000;
const JITTER_MS = 500;
/**
 * Most cases run with a shorter budget, so that the suite does not wait out 6.5 s again and again: the deadline
 * logic is the same at any length. One case keeps the real budget.
 */
const SHORT_BUDGET_MS = 1500;
/** The Lambda timeout in infrastructure/cfn-deployer/skill-stack.yaml. */
const LAMBDA_TIMEOUT_MS = 10_000;
/** Faults that are AWS saying no (a 4xx): the attempt certainly did nothing and may be sent again. */
const REFUSALS = new Set<string>(['throttle', 'accessDenied', 'notFound']);

export type Ask = 'status' | 'deploy' | 'rollback' | 'stop';

export interface Case {
  readonly name: string;
  readonly ask: Ask;
  readonly faults?: readonly FaultSpec[];
  /** Point the SDK at a port where nothing listens. */
  readonly refused?: boolean;
  readonly says: RegExp;
  /** What the card in the Alexa app holds, when that is the point: the ids speech leaves out. */
  readonly card?: RegExp;
  /** How many times the mutating operation the request needs reaches the local AWS, when that is the point. */
  readonly attempts?: number;
  /** The invocation's budget; the real one (6.5 s) when not given. */
  readonly budgetMs?: number;
}

interface Attempt {
  readonly operation: string;
  readonly token?: string;
  readonly fault?: FaultSpec;
}

interface Outcome {
  readonly ms: number;
  readonly budgetMs: number;
  readonly response: ResponseEnvelope;
  readonly words: string;
  readonly mutating: readonly Attempt[];
  /** What really changed in the local AWS: executions the skill started, deployments it created or stopped. */
  readonly acts: number;
}

const NOTHING_CHANGED = /Nothing was changed|didn't change anything/;
const UNKNOWN_OUTCOME = /can't tell whether/;
const TIMED_OUT = /^AWS didn't answer in time, so I can't tell you\. Nothing was changed\./;
const UNAVAILABLE = /^AWS had a problem answering me\. Nothing was changed\./;
const THROTTLED = /^AWS is throttling my requests right now\. Nothing was changed\./;
const STATUS = /^The latest release of checkout in production, .+\. The latest deployment .+\.$/;
const DEPLOYED = /^Done: the checkout-prod pipeline has started, and checkout is on its way to production\./;
const REDEPLOYED = /^Done: a rollback deployment has started, putting checkout in production back to the version deployed .+\./;
const STOPPING = /^CodeDeploy is stopping the deployment of checkout in production that started/;
// The ids Alexa does not say are on the card, with their console links.
const STATUS_CARD = /\nLatest\nExecution: [0-9a-f-]{36} \(Succeeded\)\n[^]*\nLatest\nDeployment: d-[A-Z0-9]+ \(Succeeded\)\n/;
const DEPLOYED_CARD = /\nStarted now\nExecution: ([0-9a-f-]{36})\nAWS console: https:\/\/[a-z0-9-]+\.console\.aws\.amazon\.com\/codesuite\/codepipeline\/pipelines\/checkout-prod\/executions\/\1\/timeline\?region=/;
const REDEPLOYED_CARD = /\nStarted now\nDeployment: (d-[A-Z0-9]+)\nAWS console: https:\/\/[a-z0-9-]+\.console\.aws\.amazon\.com\/codesuite\/codedeploy\/deployments\/\1\?region=/;
const STOPPING_CARD = /\nDeployment to stop\nDeployment: d-[A-Z0-9]+ \([A-Za-z]+\)\n/;
const DEPLOY_UNKNOWN = /^I asked CodePipeline to start checkout-prod, but got no answer in time, so I can't tell whether the release of checkout in production started\./;
const ROLLBACK_UNKNOWN = /^I asked CodeDeploy to roll back checkout in production, but got no answer in time, so I can't tell whether it started\./;

/** Slower than the short budget: the skill must give up on the call and still answer in time. */
const SLOW_MS = 2000;
const short = { budgetMs: SHORT_BUDGET_MS } as const;
const all = (kind: FaultSpec['kind'], extra: Partial<FaultSpec> = {}): FaultSpec => ({ kind, ...extra });
const on = (operation: string, kind: FaultSpec['kind'], extra: Partial<FaultSpec> = {}): FaultSpec => ({ kind, operation, ...extra });

export const CASES: readonly Case[] = [
  // Throttling a few times: the SDK retries within the budget and the request succeeds.
  { name: 'status answers after a few throttles', ask: 'status', faults: [all('throttle', { times: 2 })], says: STATUS, card: STATUS_CARD },
  { name: 'deploy starts once after a few throttles', ask: 'deploy', faults: [all('throttle', { times: 2 })], says: DEPLOYED, card: DEPLOYED_CARD },
  { name: 'rollback redeploys once after a few throttles', ask: 'rollback', faults: [all('throttle', { times: 2 })], says: REDEPLOYED, card: REDEPLOYED_CARD },
  { name: 'rollback stops the running deployment once after a few throttles', ask: 'stop', faults: [all('throttle', { times: 2 })], says: STOPPING, card: STOPPING_CARD, attempts: 1 },
  { name: 'a throttled StartPipelineExecution is sent again and starts once', ask: 'deploy', faults: [on('StartPipelineExecution', 'throttle', { times: 2 })], says: DEPLOYED, card: DEPLOYED_CARD, attempts: 3 },
  { name: 'a throttled CreateDeployment is sent again and deploys once', ask: 'rollback', faults: [on('CreateDeployment', 'throttle', { times: 2 })], says: REDEPLOYED, card: REDEPLOYED_CARD, attempts: 3 },
  // Throttling that never stops: a plain sentence, nothing done.
  { name: 'status says throttling when AWS always throttles', ask: 'status', faults: [all('throttle')], says: THROTTLED },
  { name: 'deploy says throttling when AWS always throttles', ask: 'deploy', faults: [all('throttle')], says: THROTTLED },
  { name: 'rollback says throttling when AWS always throttles', ask: 'rollback', faults: [all('throttle')], says: THROTTLED },
  { name: 'deploy says throttling when only the start is always throttled', ask: 'deploy', faults: [on('StartPipelineExecution', 'throttle')], says: THROTTLED, attempts: 3 },
  // 5xx: on a read nothing changes; on a write the outcome is unknown unless a safe retry settles it.
  { name: 'status says AWS had a problem on a 5xx', ask: 'status', faults: [all('serverError')], says: UNAVAILABLE },
  { name: 'deploy changes nothing on a 5xx while reading', ask: 'deploy', faults: [on('ListPipelineExecutions', 'serverError')], says: UNAVAILABLE },
  { name: 'rollback changes nothing on a 5xx while reading', ask: 'rollback', faults: [on('ListDeployments', 'serverError')], says: UNAVAILABLE },
  { name: 'deploy cannot tell when every start gets a 5xx', ask: 'deploy', faults: [on('StartPipelineExecution', 'serverError')], says: DEPLOY_UNKNOWN },
  { name: 'deploy retries one 5xx start with the same token and starts once', ask: 'deploy', faults: [on('StartPipelineExecution', 'serverError', { times: 1 })], says: DEPLOYED, card: DEPLOYED_CARD, attempts: 2 },
  { name: 'rollback sends CreateDeployment once after a 5xx and cannot tell', ask: 'rollback', faults: [on('CreateDeployment', 'serverError', { times: 1 })], says: ROLLBACK_UNKNOWN, attempts: 1 },
  { name: 'rollback sends StopDeployment once after a 5xx and cannot tell', ask: 'stop', faults: [on('StopDeployment', 'serverError', { times: 1 })], says: ROLLBACK_UNKNOWN, attempts: 1 },
  // AccessDenied: AWS refused, so nothing changed, in words that point at the IAM role.
  { name: 'status explains AccessDenied', ask: 'status', faults: [all('accessDenied')], says: /^AWS refused me permission to read the (pipeline|deployments)\. Nothing was changed\. Check the skill's IAM role\.$/ },
  { name: 'deploy explains AccessDenied on the start', ask: 'deploy', faults: [on('StartPipelineExecution', 'accessDenied')], says: /^AWS refused me permission to start the pipeline\. Nothing was changed\./, attempts: 1 },
  { name: 'rollback explains AccessDenied on CreateDeployment', ask: 'rollback', faults: [on('CreateDeployment', 'accessDenied')], says: /^AWS refused me permission to create a deployment\. Nothing was changed\./, attempts: 1 },
  // Slow (6 s) and hung calls: an answer in time, and "can't tell" for a write that may have happened.
  { name: 'status answers in time when AWS is slow', ask: 'status', faults: [all('slow', { delayMs: SLOW_MS })], says: TIMED_OUT, ...short },
  { name: 'deploy cannot tell when the start is slow', ask: 'deploy', faults: [on('StartPipelineExecution', 'slow', { delayMs: SLOW_MS })], says: DEPLOY_UNKNOWN, ...short },
  { name: 'rollback sends CreateDeployment once when it is slow and cannot tell', ask: 'rollback', faults: [on('CreateDeployment', 'slow', { delayMs: SLOW_MS })], says: ROLLBACK_UNKNOWN, attempts: 1, ...short },
  // The one case that waits out the real budget of 6.5 s.
  { name: 'status answers in time when AWS hangs', ask: 'status', faults: [all('hang')], says: TIMED_OUT },
  { name: 'deploy cannot tell when the start hangs', ask: 'deploy', faults: [on('StartPipelineExecution', 'hang')], says: DEPLOY_UNKNOWN, ...short },
  { name: 'rollback sends CreateDeployment once when it hangs and cannot tell', ask: 'rollback', faults: [on('CreateDeployment', 'hang')], says: ROLLBACK_UNKNOWN, attempts: 1, ...short },
  { name: 'rollback sends StopDeployment once when it hangs and cannot tell', ask: 'stop', faults: [on('StopDeployment', 'hang')], says: ROLLBACK_UNKNOWN, attempts: 1, ...short },
  // Connection refused: the request never left, so nothing changed.
  { name: 'status says AWS had a problem when the connection is refused', ask: 'status', refused: true, says: UNAVAILABLE },
  { name: 'deploy changes nothing when the connection is refused', ask: 'deploy', refused: true, says: UNAVAILABLE },
  { name: 'rollback changes nothing when the connection is refused', ask: 'rollback', refused: true, says: UNAVAILABLE },
];

const CHECKOUT_PROD = { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production') };

/** What the person says first: status is answered straight away; deploy and rollback are read back and need a yes. */
function requestFor(ask: Ask): RequestEnvelope {
  if (ask === 'status') return intentRequest(intent('StatusIntent', CHECKOUT_PROD), {}, 'STARTED');
  return intentRequest(intent(ask === 'deploy' ? 'DeployIntent' : 'RollbackIntent', CHECKOUT_PROD), {}, 'STARTED');
}

const MUTATION_OF: Record<Ask, string | undefined> = {
  status: undefined, deploy: 'StartPipelineExecution', rollback: 'CreateDeployment', stop: 'StopDeployment',
};

const configFile = configFiles('ptp-proof-').json;

/** Changes the SDK's environment for one test; `restore` puts every variable back as it was. */
function environment() {
  const saved = new Map<string, string | undefined>();
  return {
    set(values: Readonly<Record<string, string>>) {
      for (const [key, value] of Object.entries(values)) {
        if (!saved.has(key)) saved.set(key, process.env[key]);
        process.env[key] = value;
      }
    },
    restore() {
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      saved.clear();
    },
  };
}

function actsIn(aws: LocalAws): number {
  const started = aws.store.pipeline('checkout-prod').tokens.size;
  const deployments = aws.store.deploymentsOf(aws.store.deploymentGroup('checkout', 'checkout-prod'));
  const created = deployments.filter((d) => d.description?.startsWith(ROLLBACK_DESCRIPTION) === true).length;
  const stopped = deployments.filter((d) => d.stoppedAt !== undefined).length;
  return started + created + stopped;
}

/** A deployment in progress, so that a rollback means StopDeployment. */
function startRunningDeployment(aws: LocalAws): void {
  const [current] = aws.store.deploymentsOf(aws.store.deploymentGroup('checkout', 'checkout-prod')).slice(-1);
  if (current === undefined) throw new Error('the seed made no deployments');
  aws.store.createDeployment({ application: 'checkout', deploymentGroup: 'checkout-prod', revision: current.revision, durationMs: 600_000 });
}

/** Waits until the local AWS has had no new call for a while, so that nothing sent late escapes the count. */
async function quiet(local: LocalAws, stillMs = 100, maxMs = 3000): Promise<void> {
  const until = Date.now() + maxMs;
  let seen = -1;
  while (seen !== local.calls().length && Date.now() < until) {
    seen = local.calls().length;
    await new Promise((resolve) => setTimeout(resolve, stillMs));
  }
}

const env = environment();
let aws: LocalAws | undefined;

/** The SDK's one-second timers a cut-short request leaves (tests/support/sdk-timers.ts): call from afterAll. */
export const settle = settleSdkTimers;

/** Puts the environment back and stops the local AWS after each case: call from the test file's afterEach. */
export async function cleanUp(): Promise<void> {
  env.restore();
  await aws?.close();
  aws = undefined;
}

async function run(c: Case): Promise<Outcome> {
  const local = await startLocalAws({ config: parseConfig(TEST_CONFIG, 'test config') });
  aws = local;
  if (c.ask === 'stop') startRunningDeployment(local);
  const lambda = () => createHandler({ env: { ...process.env, PUSH_TO_PROD_CONFIG: configFile() }, logger: silentLogger, budgetMs: c.budgetMs });
  env.set(local.env);
  // Deploy and rollback: the read-back first, while AWS behaves; the faults meet the yes.
  const question = requestFor(c.ask);
  const request = c.ask === 'status' ? question : yesTo(question, await lambda()(question));
  await quiet(local, 50, 1000);
  const callsBefore = local.calls().length;

  for (const fault of c.faults ?? []) local.faults.inject(fault);
  const taken = jest.spyOn(local.faults, 'take');
  const url = c.refused === true ? await closedPortUrl() : local.url;
  env.set({ AWS_ENDPOINT_URL_CODEPIPELINE: url, AWS_ENDPOINT_URL_CODEDEPLOY: url });
  // A fresh Lambda instance takes the yes, as one may on Lambda: the session carries the read-back.
  const handler = lambda();
  const before = actsIn(local);
  const lambdaDeadline = Date.now() + LAMBDA_TIMEOUT_MS;

  const started = Date.now();
  const response = await handler(request, { getRemainingTimeInMillis: () => lambdaDeadline - Date.now() });
  const ms = Date.now() - started;
  // Calls still in flight when the answer left (the other reads of a Promise.all that failed) are counted too.
  await quiet(local);

  // The server records each call and then looks up its fault, so the two lists line up one to one.
  const mutating = local.calls().slice(callsBefore)
    .map((call, i) => ({ call, fault: taken.mock.results[i]?.value as FaultSpec | undefined }))
    .filter(({ call }) => MUTATING_OPERATIONS.has(call.operation))
    .map(({ call, fault }): Attempt => ({
      operation: call.operation,
      token: typeof call.input.clientRequestToken === 'string' ? call.input.clientRequestToken : undefined,
      fault,
    }));
  return { ms, budgetMs: c.budgetMs ?? DEFAULT_BUDGET_MS, response, words: spoken(response), mutating, acts: actsIn(local) - before };
}

/** Attempts that may have acted: AWS did not refuse them, whatever came back (or did not). */
const mayHaveActed = (attempts: readonly Attempt[]) => attempts.filter((a) => a.fault === undefined || !REFUSALS.has(a.fault.kind));
const succeeded = (attempts: readonly Attempt[]) => attempts.filter((a) => a.fault === undefined);

/** Actions the attempts may have taken: repeated StartPipelineExecution attempts with one token are one action. */
function possibleActions(attempts: readonly Attempt[]): number {
  const acted = mayHaveActed(attempts);
  const tokens = new Set(acted.filter((a) => a.operation === 'StartPipelineExecution').map((a) => a.token));
  return tokens.size + acted.filter((a) => a.operation !== 'StartPipelineExecution').length;
}

/** The same for every case: in time, well-formed, honest, never twice. */
function expectTrustworthy(outcome: Outcome): void {
  const { ms, budgetMs, response, words, mutating, acts } = outcome;
  expect(ms).toBeLessThan(budgetMs + JITTER_MS);
  expect(ms).toBeLessThan(ALEXA_PATIENCE_MS);
  expect(invalidSsml(response)).toEqual([]);
  // Every answer ends the session, except a first release's, which hands over to Alexa's offer of a shortcut.
  const offersShortcut = (response.response.directives ?? []).some((d) => d.type === 'Connections.StartConnection');
  expect(response.response.shouldEndSession).toBe(offersShortcut ? undefined : true);

  // Never twice: one action at most, and CreateDeployment/StopDeployment never sent again after an ambiguous attempt.
  expect(acts).toBeLessThanOrEqual(1);
  expect(possibleActions(mutating)).toBeLessThanOrEqual(1);
  expect(new Set(mutating.filter((a) => a.operation === 'StartPipelineExecution').map((a) => a.token)).size).toBeLessThanOrEqual(1);
  for (const operation of ['CreateDeployment', 'StopDeployment']) {
    const sent = mutating.filter((a) => a.operation === operation);
    const firstAmbiguous = sent.findIndex((a) => a.fault !== undefined && !REFUSALS.has(a.fault.kind));
    if (firstAmbiguous >= 0) expect(sent.length).toBe(firstAmbiguous + 1);
  }

  // Honest: "Done" only for exactly one answered action that the local AWS carried out.
  if (/^Done\b/.test(words)) {
    expect(succeeded(mutating)).toHaveLength(1);
    expect(acts).toBe(1);
  }
  // "Nothing was changed" only when no attempt may have acted.
  if (NOTHING_CHANGED.test(words)) {
    expect(mayHaveActed(mutating)).toEqual([]);
    expect(acts).toBe(0);
  }
  // An attempt that may have acted but was never answered must be owned up to.
  if (mayHaveActed(mutating).length > 0 && succeeded(mutating).length === 0) expect(words).toMatch(UNKNOWN_OUTCOME);
}

/** Runs one case and holds it to its own expectations and to the invariants every case shares. */
export async function proveCase(c: Case): Promise<void> {
  // Act
  const outcome = await run(c);

  // Assess
  expect(outcome.words).toMatch(c.says);
  if (c.card) expect((outcome.response.response.card as { content?: string } | undefined)?.content).toMatch(c.card);
  expectTrustworthy(outcome);
  const needed = MUTATION_OF[c.ask];
  const sent = outcome.mutating.filter((a) => a.operation === needed);
  if (c.attempts !== undefined) expect(sent).toHaveLength(c.attempts);
  expect(outcome.mutating.filter((a) => a.operation !== needed)).toEqual([]);
  if (c.ask === 'status') expect(outcome.mutating).toEqual([]);
}
