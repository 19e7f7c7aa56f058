import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { RejectedRequestError, normaliseEnvelope } from '../../lambda/src/runtime/envelope';
import { ALLOWED_USER, SKILL_ID, STRANGER, intent, intentRequest, launch, envelope, slot } from '../support/envelopes';
import { deployment, execution } from '../support/fake-release-ports';
import { invalidSsml } from '../support/ssml-check';
import { TEST_CONFIG, testSkill } from '../support/test-skill';
import { Dice, getAt, mulberry32, mutations, setAt, type Json, type JsonObject } from './envelope-fuzzer';

/**
 * Seeded fuzzing of the whole handler chain (real skill, in-memory ports), the way index.ts runs it: normalise the
 * event, then invoke. Thousands of valid envelopes, each bent by a few mutations, are held to the invariants that
 * make the skill safe with production. A failure names the seed and case, so it can be replayed.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026);
const CASES = Number(process.env.FUZZ_CASES ?? 5000);
const INVOKE_TIMEOUT_MS = 2000;
/** Alexa refuses responses larger than this. */
const MAX_RESPONSE_BYTES = 24 * 1024;

const SECRETS = {
  apiAccessToken: 'eyJ0eXAiOiJKV1Qi.PLANTED-API-ACCESS-TOKEN-7f3a9c',
  consentToken: 'PLANTED-CONSENT-TOKEN-19b2e4',
  accountLinkToken: 'PLANTED-LINKED-ACCOUNT-TOKEN-c0de55',
  personToken: 'PLANTED-PERSON-TOKEN-aa71d0',
};
const FOREIGN_SKILL = 'amzn1.ask.skill.99999999-8888-7777-6666-555555555555';
const ALLOWED = TEST_CONFIG.allowedUsers;

const CHECKOUT_PROD = { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'prod', 'production') };
const BILLING = { service: slot('service', 'billing', 'billing') };

function yesWithReadBack(name: string, pending: Record<string, string>): RequestEnvelope {
  return intentRequest(intent(name, CHECKOUT_PROD, 'CONFIRMED'), { newSession: false, attributes: { pending } }, 'IN_PROGRESS');
}

/** Valid requests of every kind the skill meets in a conversation. */
function builtEnvelopes(): RequestEnvelope[] {
  const ask = (name: string, slots = {}, status: 'NONE' | 'CONFIRMED' | 'DENIED' = 'NONE', state = 'STARTED') =>
    intentRequest(intent(name, slots, status), {}, state);
  return [
    launch(),
    ask('DeployIntent'),
    ask('DeployIntent', CHECKOUT_PROD),
    ask('DeployIntent', CHECKOUT_PROD, 'CONFIRMED', 'IN_PROGRESS'),
    ask('DeployIntent', BILLING, 'CONFIRMED', 'IN_PROGRESS'),
    ask('DeployIntent', CHECKOUT_PROD, 'DENIED', 'COMPLETED'),
    ask('RollbackIntent', CHECKOUT_PROD),
    ask('RollbackIntent', CHECKOUT_PROD, 'CONFIRMED', 'IN_PROGRESS'),
    ask('RollbackIntent', {}, 'CONFIRMED', 'IN_PROGRESS'),
    // The yes to a read-back this session holds: the only requests that act (the plans of seededSkill below).
    yesWithReadBack('DeployIntent', { action: 'deploy', service: 'checkout', environment: 'production', key: 'after:exec-last-0000-aaaa' }),
    yesWithReadBack('RollbackIntent', { action: 'rollback', service: 'checkout', environment: 'production', key: 'redeploy:d-TARGET01' }),
    ask('StatusIntent', CHECKOUT_PROD),
    ask('StatusIntent'),
    ask('AMAZON.YesIntent'),
    ask('AMAZON.NoIntent'),
    ask('AMAZON.HelpIntent'),
    ask('AMAZON.StopIntent'),
    ask('AMAZON.FallbackIntent'),
    envelope({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }),
    envelope({ type: 'SessionEndedRequest', reason: 'ERROR', error: { type: 'INVALID_RESPONSE', message: 'bad' } }),
    envelope({ type: 'CanFulfillIntentRequest', intent: intent('DeployIntent', CHECKOUT_PROD) }),
  ];
}

/** The envelopes captured from real devices (tests/fixtures/real-envelopes), addressed to this skill. */
function capturedEnvelopes(): JsonObject[] {
  const dir = join(__dirname, '..', 'fixtures', 'real-envelopes');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonObject;
    if (getAt(raw, ['session', 'application']) !== undefined) setAt(raw, ['session', 'application', 'applicationId'], SKILL_ID);
    if (getAt(raw, ['context', 'System', 'application']) !== undefined) setAt(raw, ['context', 'System', 'application', 'applicationId'], SKILL_ID);
    return raw;
  });
}

/** Puts a credential wherever Alexa may send one, so that a leak into the log shows. */
function plantSecrets(env: JsonObject): void {
  if (getAt(env, ['context', 'System']) !== undefined) {
    setAt(env, ['context', 'System', 'apiAccessToken'], SECRETS.apiAccessToken);
    setAt(env, ['context', 'System', 'user', 'permissions', 'consentToken'], SECRETS.consentToken);
    setAt(env, ['context', 'System', 'user', 'accessToken'], SECRETS.accountLinkToken);
    if (getAt(env, ['context', 'System', 'person']) !== undefined) setAt(env, ['context', 'System', 'person', 'accessToken'], SECRETS.personToken);
  }
  if (getAt(env, ['session', 'user']) !== undefined) {
    setAt(env, ['session', 'user', 'permissions', 'consentToken'], SECRETS.consentToken);
    setAt(env, ['session', 'user', 'accessToken'], SECRETS.accountLinkToken);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: Json | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** Not an Alexa request at all: no object, no request type, or no application id anywhere. */
function shapedLikeARequest(env: Json): boolean {
  if (!isRecord(env) || !isRecord(env.request) || typeof env.request.type !== 'string') return false;
  const e = env as JsonObject;
  return text(getAt(e, ['context', 'System', 'application', 'applicationId'])) !== undefined
    || text(getAt(e, ['session', 'application', 'applicationId'])) !== undefined;
}

/** The application id the request is for: context.System's, else (old envelopes) the session's. */
function addressedTo(env: JsonObject): string | undefined {
  return text(getAt(env, ['context', 'System', 'application', 'applicationId'])) ?? text(getAt(env, ['session', 'application', 'applicationId']));
}

/** True when any id the request carries for who is speaking is on the allowlist. */
function fromAllowedUser(env: JsonObject): boolean {
  const ids = [['context', 'System', 'user', 'userId'], ['session', 'user', 'userId'], ['context', 'System', 'person', 'personId']]
    .map((path) => text(getAt(env, path)));
  return ids.some((id) => id !== undefined && ALLOWED.includes(id));
}

/**
 * The only requests that may change anything: a confirmed Deploy or Rollback, for this skill, from an allowed user,
 * in a session that is not new and holds the read-back of that very action.
 */
function mayAct(env: JsonObject): boolean {
  const action = { DeployIntent: 'deploy', RollbackIntent: 'rollback' }[text(getAt(env, ['request', 'intent', 'name'])) ?? ''];
  return text(getAt(env, ['request', 'type'])) === 'IntentRequest'
    && action !== undefined
    && getAt(env, ['request', 'intent', 'confirmationStatus']) === 'CONFIRMED'
    && getAt(env, ['session', 'new']) === false
    && getAt(env, ['session', 'attributes', 'pending', 'action']) === action
    && addressedTo(env) === SKILL_ID
    && fromAllowedUser(env);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The skill over in-memory ports with a history, so that a confirmed deploy or rollback would really act. */
function seededSkill() {
  const test = testSkill();
  test.pipelines.executions.set('checkout-prod', [execution('exec-last-0000-aaaa', 'Succeeded', 600)]);
  test.deployments.deployments.set('checkout-prod', [
    deployment('d-CURRENT1', 'Succeeded', 60, 'c0ffee0c0ffee0'),
    deployment('d-TARGET01', 'Succeeded', 3000, 'beef00beef00be'),
  ]);
  return test;
}

interface Verdict {
  readonly problems: string[];
  readonly threw: boolean;
  readonly acted: boolean;
}

async function check(event: JsonObject): Promise<Verdict> {
  const problems: string[] = [];
  const { skill, logs, mutations: changes } = seededSkill();
  const shaped = shapedLikeARequest(event);
  const forUs = shaped && addressedTo(event) === SKILL_ID;
  let response: ResponseEnvelope | undefined;
  let thrown: unknown;
  try {
    response = await withTimeout(Promise.resolve().then(() => skill.invoke(normaliseEnvelope(event))), INVOKE_TIMEOUT_MS);
  } catch (error) {
    thrown = error;
  }

  if (!shaped && !(thrown instanceof RejectedRequestError)) problems.push(`not a request, but not rejected as one (${String(thrown)})`);
  if (shaped && !forUs && !(thrown instanceof Error && /skill ?id/i.test(thrown.message))) {
    problems.push(`for another skill, but not refused by the skill id check (${String(thrown)})`);
  }
  if (forUs && thrown !== undefined) problems.push(`threw for a request to this skill: ${String(thrown)}`);
  if (changes().length > 0 && !mayAct(event)) problems.push(`changed production without a confirmed request from an allowed user: ${JSON.stringify(changes().map((c) => c.op))}`);
  if (changes().length > 1) problems.push(`acted ${changes().length} times`);

  if (response !== undefined) {
    const invalid = invalidSsml(response);
    if (invalid.length > 0) problems.push(`invalid SSML: ${invalid[0]?.slice(0, 200)}`);
    const bytes = Buffer.byteLength(JSON.stringify(response), 'utf8');
    if (bytes > MAX_RESPONSE_BYTES) problems.push(`response is ${bytes} bytes`);
  }
  const failed = logs.filter((line) => line.event === 'request.failed');
  if (failed.length > 0) problems.push(`crashed inside the chain: ${JSON.stringify(failed[0]?.fields)}`.slice(0, 300));

  const written = [...logs.map((line) => JSON.stringify(line)), thrown instanceof Error ? `${thrown.message}\n${thrown.stack ?? ''}` : ''].join('\n');
  for (const [name, secret] of Object.entries(SECRETS)) {
    if (written.includes(secret)) problems.push(`the ${name} reached the log or the error`);
  }
  return { problems, threw: thrown !== undefined, acted: changes().length > 0 };
}

function firstOfEachKind(failures: readonly string[]): string[] {
  const kinds = new Map<string, string>();
  for (const failure of failures) {
    const kind = failure.replace(/^seed \d+ case \d+ \[[^\]]*\] /, '').replace(/\d+/g, 'N').slice(0, 80);
    if (!kinds.has(kind)) kinds.set(kind, failure);
  }
  return [...kinds.values()].slice(0, 25);
}

describe('fuzzing the handler chain with mutated envelopes', () => {
  it(`keeps every invariant for ${CASES} mutated envelopes (seed ${SEED})`, async () => {
    // Prepare
    const dice = new Dice(mulberry32(SEED));
    const bases: JsonObject[] = [...builtEnvelopes().map((e) => e as unknown as JsonObject), ...capturedEnvelopes()];
    const kinds = mutations({ foreignSkillId: FOREIGN_SKILL, stranger: STRANGER, allowed: ALLOWED });
    const failures: string[] = [];
    const seen = { threw: 0, acted: 0, mayAct: 0 };

    // Act
    for (let n = 0; n < CASES; n += 1) {
      const event = structuredClone(dice.pick(bases));
      if (dice.chance(0.3)) setAt(event, ['context', 'System', 'user', 'userId'], ALLOWED_USER);
      plantSecrets(event);
      const applied: string[] = [];
      for (let i = 1 + dice.int(4); i > 0; i -= 1) {
        const mutation = dice.pick(kinds);
        mutation.apply(event, dice);
        applied.push(mutation.name);
      }
      const verdict = await check(event);
      if (verdict.threw) seen.threw += 1;
      if (verdict.acted) seen.acted += 1;
      if (mayAct(event)) seen.mayAct += 1;
      for (const problem of verdict.problems) {
        failures.push(`seed ${SEED} case ${n} [${applied.join(', ')}] ${String(getAt(event, ['request', 'type']))}: ${problem}`);
      }
    }

    // Assess: one example of each kind of failure, so that one defect does not hide the others.
    expect(firstOfEachKind(failures)).toEqual([]);
    // The fuzz reaches both sides of the rules it checks, or it proves nothing.
    expect(seen.threw).toBeGreaterThan(CASES / 50);
    expect(seen.mayAct).toBeGreaterThan(CASES / 50);
    expect(seen.acted).toBeGreaterThan(CASES / 100);
  }, 60_000);
});
