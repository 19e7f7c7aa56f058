import type { ResponseEnvelope } from 'ask-sdk-model';
import type { PipelineExecution } from '../../lambda/src/domain/release';
import type { ScreenData } from '../../lambda/src/screens/render-document';
import { Conversation, directive } from '../support/conversation';
import { ECHO_SHOW } from '../support/envelopes';
import { deployment, execution } from '../support/fake-release-ports';
import { TEST_CONFIG, testSkill } from '../support/test-skill';

/*
 * The Echo Show's screen, through the real handler chain. Every response here is also held to Alexa's rules and its
 * APL documents to apl-suggester (support/conversation.ts): a screen to a device without APL, or beside a Dialog
 * directive, or a document apl-suggester refuses, fails the test that produced it.
 */

const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['prod', 'production'] as [string, string] };
const RENDER = 'Alexa.Presentation.APL.RenderDocument';

/** The data source of the response's RenderDocument, which the document binds as payload.screen. */
function screenOf(response: ResponseEnvelope | undefined): ScreenData {
  const render = directive(response, RENDER) as { datasources?: { screen?: ScreenData } } | undefined;
  if (!render?.datasources?.screen) throw new Error(`no screen in ${JSON.stringify(response?.response)}`);
  return render.datasources.screen;
}

/** A release running in production's Deploy stage, with Approve still showing the previous release. */
function runningRelease() {
  const parts = testSkill();
  parts.pipelines.executions.set('checkout-prod', [execution('e-now', 'InProgress', 4, 'Add gift cards\n\nLong description', 'alice')]);
  parts.pipelines.states.set('checkout-prod', { pipeline: 'checkout-prod', stages: [
    { name: 'Source', status: 'Succeeded', executionId: 'e-now' },
    { name: 'Build', status: 'Failed', executionId: 'e-old', currentAction: 'UnitTests' },
    { name: 'Test', status: 'InProgress', executionId: 'e-now', currentAction: 'Integration' },
    { name: 'Approve', status: 'InProgress', executionId: 'e-now', waitingApproval: { action: 'ManualApproval' } },
    { name: 'Deploy', status: 'Succeeded', executionId: 'e-old' },
    { name: 'Verify' },
  ] });
  parts.deployments.deployments.set('checkout-prod', [deployment('d-1', 'Succeeded', 30, 'abcdef123')]);
  return parts;
}

describe('the Echo Show screen', () => {
  it('shows status with every stage of the pipeline in a row, each with its state, and what the release ships', async () => {
    // Prepare
    const talk = new Conversation(runningRelease().skill, ECHO_SHOW);

    // Act
    await talk.ask('StatusIntent', CHECKOUT_PROD);

    // Assess
    const render = directive(talk.last, RENDER) as { token?: string; document?: { type?: string; version?: string } } | undefined;
    expect(render?.token).toBe('push-to-prod.status');
    expect(render?.document?.type).toBe('APL');
    const screen = screenOf(talk.last);
    expect(screen.heading).toBe('Release status');
    expect(screen.where).toBe('checkout in production');
    expect(screen.stages.map((s) => [s.name, s.tone, s.state])).toEqual([
      ['Source', 'done', 'succeeded'],
      // An earlier release failed here; the running one has not got this far, so that failure is not its state.
      ['Build', 'idle', 'not reached yet'],
      ['Test', 'running', 'running Integration'],
      ['Approve', 'waiting', 'waiting for approval'],
      ['Deploy', 'idle', 'not reached yet'],
      ['Verify', 'idle', 'not run yet'],
    ]);
    expect(screen.lines).toEqual([
      { label: 'Latest release', value: 'Add gift cards' },
      { label: 'Commit', value: 'e-nowabc' },
      { label: 'State', value: 'in progress' },
      { label: 'Started by', value: 'alice' },
      { label: 'Started', value: '4 minutes ago' },
      { label: 'Latest deployment', value: 'commit abcdef1, succeeded, 30 minutes ago' },
    ]);
    expect(screen.hint).toBe('');
  });

  it('shows a failed stage of the latest release as failed, where it failed', async () => {
    // Prepare
    const parts = testSkill();
    parts.pipelines.executions.set('checkout-prod', [execution('e-bad', 'Failed', 9)]);
    parts.pipelines.states.set('checkout-prod', { pipeline: 'checkout-prod', stages: [
      { name: 'Source', status: 'Succeeded', executionId: 'e-bad' },
      { name: 'Build', status: 'Failed', executionId: 'e-bad', currentAction: 'UnitTests' },
    ] });
    const talk = new Conversation(parts.skill, ECHO_SHOW);

    // Act
    await talk.ask('StatusIntent', CHECKOUT_PROD);

    // Assess
    expect(screenOf(talk.last).stages.map((s) => [s.name, s.tone, s.mark, s.state])).toEqual([
      ['Source', 'done', '✓', 'succeeded'],
      ['Build', 'failed', '✗', 'failed in UnitTests'],
    ]);
  });

  it('gives a device without a screen exactly the voice answer it gets today, byte for byte', async () => {
    // Prepare: the same release, asked about from a speaker and from an Echo Show
    const speaker = new Conversation(runningRelease().skill);
    const show = new Conversation(runningRelease().skill, ECHO_SHOW);

    // Act
    await speaker.ask('StatusIntent', CHECKOUT_PROD);
    await show.ask('StatusIntent', CHECKOUT_PROD);

    // Assess: the speaker's response has no directive at all, and is the Echo Show's without its screen
    expect(speaker.last?.response.directives).toBeUndefined();
    const { directives, ...showWithoutScreen } = show.last?.response ?? {};
    expect(directives?.map((d) => d.type)).toEqual([RENDER]);
    expect(JSON.stringify({ ...speaker.last, response: speaker.last?.response })).toBe(JSON.stringify({ ...show.last, response: showWithoutScreen }));
  });

  it('gives a screen whose APL runtime is older than the document the voice answer alone', async () => {
    // Prepare
    const talk = new Conversation(runningRelease().skill, { supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '1.9' } } } });

    // Act
    const answer = await talk.ask('StatusIntent', CHECKOUT_PROD);

    // Assess
    expect(answer).toMatch(/^The latest release of checkout in production/);
    expect(talk.last?.response.directives).toBeUndefined();
  });

  it('shows what a promotion would ship, from where, who started it, and how to ship it', async () => {
    // Prepare: production promotes from staging, whose release has baked long enough
    const parts = testSkill({
      services: TEST_CONFIG.services.map((service) => (service.name !== 'checkout' ? service : {
        ...service,
        environments: { ...service.environments, production: { ...service.environments.production, promoteFrom: { environment: 'staging', bakeMinutes: 30 } } },
      })),
    });
    const staged: PipelineExecution = { ...execution('stg-ok', 'Succeeded', 120, 'Fix tax rounding', 'bob'), revisions: [{ actionName: 'Source', revisionId: 'a1b2c3d4e5f6', summary: 'Fix tax rounding' }] };
    parts.pipelines.executions.set('checkout-staging', [staged]);
    parts.pipelines.executions.set('checkout-prod', [execution('prod-ok', 'Succeeded', 180, 'Add gift cards')]);
    const talk = new Conversation(parts.skill, ECHO_SHOW);

    // Act
    await talk.ask('PreviewIntent', CHECKOUT_PROD);

    // Assess
    const screen = screenOf(talk.last);
    expect((directive(talk.last, RENDER) as { token?: string }).token).toBe('push-to-prod.ships');
    expect(screen.heading).toBe('What would ship');
    expect(screen.stages).toEqual([]);
    expect(screen.lines).toEqual([
      { label: 'Ships', value: 'Fix tax rounding' },
      { label: 'Commit', value: 'a1b2c3d4' },
      { label: 'Started by', value: 'bob' },
      { label: 'Started', value: '2 hours ago' },
      { label: 'From', value: 'staging' },
      { label: 'Running now', value: 'Add gift cards' },
      { label: 'Commit', value: 'prod-oka' },
    ]);
    expect(screen.hint).toBe('Say “push checkout to production” to ship it.');
  });

  it('does not tell anyone to ship what a gate would stop', async () => {
    // Prepare: a release runs in production, so a deploy would be refused
    const talk = new Conversation(runningRelease().skill, ECHO_SHOW);

    // Act
    await talk.ask('PreviewIntent', CHECKOUT_PROD);

    // Assess
    expect(screenOf(talk.last).lines[0]).toEqual({ label: 'Ships', value: "the newest commit of checkout's source" });
    expect(screenOf(talk.last).hint).toBe('');
  });

  it('reads back a deploy on an Echo Show with Dialog.ConfirmIntent alone, as Alexa takes no other directive beside it', async () => {
    // Prepare
    const parts = testSkill();
    parts.pipelines.executions.set('checkout-prod', [execution('prod-ok', 'Succeeded', 180, 'Add gift cards')]);
    const talk = new Conversation(parts.skill, ECHO_SHOW);

    // Act
    const question = await talk.ask('DeployIntent', CHECKOUT_PROD);

    // Assess
    expect(question).toMatch(/Shall I push checkout to production\?$/);
    expect(talk.last?.response.directives?.map((d) => d.type)).toEqual(['Dialog.ConfirmIntent']);
  });

  it('answers a launch on an Echo Show with the voice answer alone', async () => {
    // Prepare
    const talk = new Conversation(testSkill().skill, ECHO_SHOW);

    // Act
    await talk.launch();

    // Assess
    expect(talk.last?.response.directives).toBeUndefined();
  });
});
