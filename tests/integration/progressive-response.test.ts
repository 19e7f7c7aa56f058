import type { RequestEnvelope } from 'ask-sdk-model';
import { FetchProgressiveResponses } from '../../lambda/src/adapters/alexa/progressive-response.adapter';
import { MemoryStateStore } from '../../lambda/src/adapters/state/memory-state-store.adapter';
import { composeSkill } from '../../lambda/src/compose';
import { parseConfig } from '../../lambda/src/config/load';
import type { PipelineRef } from '../../lambda/src/domain/release';
import type { Logger } from '../../lambda/src/logging/logger';
import { startLocalAlexaApi, type LocalAlexaApi } from '../../tools/simulator/alexa-api';
import { spoken } from '../support/conversation';
import { envelope, intent, slot } from '../support/envelopes';
import { execution, FakeAlarms, FakeDeployments, FakePipelines } from '../support/fake-release-ports';
import { TEST_CONFIG } from '../support/test-skill';

/**
 * Progressive responses through the real handler chain and the real adapter, to a loopback Alexa API on 127.0.0.1:
 * sent when a read is slow, never delaying or failing the answer, never started after it.
 */
class SlowPipelines extends FakePipelines {
  delayMs = 0;
  override async recentExecutions(pipeline: PipelineRef, limit: number) {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return super.recentExecutions(pipeline, limit);
  }
}

const THRESHOLD_MS = 100;
/** Longer than any answer here may take: a slow or hung Alexa API that held the answer would show. */
const PROGRESS_TIMEOUT_MS = 3000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('progressive responses', () => {
  let api: LocalAlexaApi;
  beforeEach(async () => {
    api = await startLocalAlexaApi();
  });
  afterEach(() => api.close());

  function skillWith(delayMs: number, store = new MemoryStateStore()) {
    const pipelines = new SlowPipelines();
    pipelines.delayMs = delayMs;
    pipelines.executions.set('checkout-prod', [execution('e-1', 'Succeeded', 60)]);
    const logs: { event: string; fields: Record<string, unknown> }[] = [];
    const logger: Logger = { log: (_level, event, fields = {}) => logs.push({ event, fields }) };
    const skill = composeSkill({
      config: parseConfig(TEST_CONFIG, 'test config'), pipelines, deployments: new FakeDeployments(), alarms: new FakeAlarms(), store, logger,
      now: () => new Date(),
      progressive: { responses: new FetchProgressiveResponses([api.url]), thresholdMs: THRESHOLD_MS, timeoutMs: PROGRESS_TIMEOUT_MS },
    });
    return { skill, logs, store };
  }

  /** A request whose apiEndpoint is the loopback Alexa API, announced to it as Alexa would. */
  function request(name: string): RequestEnvelope {
    const built = envelope({ type: 'IntentRequest', dialogState: 'STARTED', intent: intent(name, { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'production', 'production'), ...(name === 'StatusIntent' ? {} : { pin: slot('pin', undefined) }) }) });
    const system = built.context.System as { apiEndpoint: string; apiAccessToken: string };
    system.apiEndpoint = api.url;
    api.waiting(built.request.requestId, system.apiAccessToken);
    return built;
  }

  async function timed(invoke: () => Promise<unknown>) {
    const started = Date.now();
    const response = await invoke();
    return { response, tookMs: Date.now() - started, answeredAt: Date.now() };
  }

  it('says "Checking the checkout pipeline…" before the answer when the read takes longer than the threshold', async () => {
    // Prepare
    // A read far slower than the threshold, so that the progressive call lands first even on a busy machine.
    const { skill } = skillWith(1500);
    const status = request('StatusIntent');

    // Act
    const response = await skill.invoke(status);
    const heard = api.answered(status.request.requestId);

    // Assess
    expect(heard).toEqual(['Checking the checkout pipeline…']);
    expect(spoken(response)).toMatch(/^The latest release of checkout in production/);
  });

  it('sends nothing when the read is quick, not even after the answer', async () => {
    // Prepare
    const { skill } = skillWith(0);

    // Act
    await skill.invoke(request('StatusIntent'));
    await wait(THRESHOLD_MS * 3);

    // Assess
    expect(api.received).toEqual([]);
  });

  it.each([
    ['slow', { kind: 'slow', delayMs: 3000 } as const],
    ['hung', { kind: 'hang' } as const],
    ['refusing with 403', { kind: 'refuse', status: 403 } as const],
    ['refusing with 500', { kind: 'refuse', status: 500 } as const],
  ])('answers in the read\'s own time when the Alexa API is %s', async (_, behaviour) => {
    // Prepare
    api.behaviour = behaviour;
    const { skill, logs } = skillWith(400);
    const status = request('StatusIntent');

    // Act
    const { response, tookMs } = await timed(() => skill.invoke(status));

    // Assess
    expect(spoken(response as never)).toMatch(/^The latest release of checkout in production/);
    expect(api.received.map((r) => r.requestId)).toEqual([status.request.requestId]);
    // The read's 400 ms and some slack, far below the progressive call's own 3 s limit.
    expect(tookMs).toBeLessThan(400 + 1500);
    if (behaviour.kind === 'refuse') {
      await wait(50);
      expect(logs).toContainEqual({ event: 'progressive.response', fields: expect.objectContaining({ kind: 'refused', status: behaviour.status }) });
    }
  });

  it('starts none after the answer, even when the answer comes first while the read still runs', async () => {
    // Prepare: someone else holds the production lock, so the deploy is refused while the plan is still being read.
    const store = new MemoryStateStore();
    await store.put('lock#production', { environment: 'production', holder: { userId: 'amzn1.ask.account.BOB' }, since: new Date().toISOString() }, {});
    const { skill } = skillWith(THRESHOLD_MS * 4, store);

    // Act
    const { response, answeredAt } = await timed(() => skill.invoke(request('DeployIntent')));
    await wait(THRESHOLD_MS * 6);

    // Assess
    expect(spoken(response as never)).toMatch(/^production is locked by/);
    expect(api.received.filter((r) => r.at >= answeredAt)).toEqual([]);
    expect(api.received).toEqual([]);
  });

  it('sends none for a request that carries no API access token', async () => {
    // Prepare
    const { skill } = skillWith(400);
    const status = request('StatusIntent');
    (status.context.System as { apiAccessToken?: string }).apiAccessToken = undefined;

    // Act
    const response = await skill.invoke(status);

    // Assess
    expect(spoken(response)).toMatch(/^The latest release/);
    expect(api.received).toEqual([]);
  });
});
