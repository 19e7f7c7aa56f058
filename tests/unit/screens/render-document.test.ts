import document from '../../../lambda/src/screens/release-screen.apl.json';
import { renderDocument, runtimeRenders, screenData } from '../../../lambda/src/screens/render-document';
import type { ScreenView } from '../../../lambda/src/screens/screen-view';
import { messagesFor } from '../../../lambda/src/speech';
import { aplDocumentBreaches } from '../../../tools/simulator/response-rules';
import { deployment, execution } from '../../support/fake-release-ports';

const words = messagesFor('en-US', new Date(), 'Europe/Berlin');
const where = { service: 'checkout', environment: 'production' };
const VIEWS: readonly ScreenView[] = [
  {
    kind: 'status', where, latestExecution: execution('e-1', 'InProgress', 3), latestDeployment: deployment('d-1', 'Succeeded', 9, 'abcdef1'),
    stages: [{ name: 'Source', status: 'Succeeded', executionId: 'e-1' }, { name: 'Deploy', status: 'InProgress', executionId: 'e-1' }],
  },
  { kind: 'ships', where, ships: { kind: 'promotion', from: 'staging', release: execution('s-1', 'Succeeded', 60) }, current: execution('p-1', 'Succeeded', 120), clear: true },
  { kind: 'ships', where, ships: { kind: 'newest' }, clear: false },
  { kind: 'read-back', where, subject: { action: 'deploy', pipeline: 'checkout-prod', ships: { kind: 'newest' }, lastRelease: execution('e-2', 'Failed', 30) } },
  { kind: 'read-back', where, subject: { action: 'rollback', plan: { kind: 'stop-deployment', deployment: deployment('d-2', 'InProgress', 4, 'fedcba9') } } },
  {
    kind: 'read-back', where,
    subject: { action: 'approve', pipeline: 'checkout-prod', approval: { stage: 'Approve', action: 'ManualApproval', token: 't', message: 'Check the canary\nthen approve' } },
  },
];

describe('the release screen document', () => {
  it('passes apl-suggester, offline: it imports no package to fetch', async () => {
    // Act
    const breaches = await aplDocumentBreaches({ version: '1.0', response: { directives: [renderDocument(VIEWS[0] as ScreenView, words)] } });

    // Assess
    expect(document).not.toHaveProperty('import');
    expect(breaches).toEqual([]);
  });

  it('binds only what the data source of every view carries', () => {
    // Prepare: every payload.screen.X and data.X (a stage or a line) the document binds
    const text = JSON.stringify(document);
    const screenFields = [...new Set([...text.matchAll(/payload\.screen\.(\w+)/g)].map((m) => m[1] as string))];
    const itemFields = [...new Set([...text.matchAll(/\bdata\.(\w+)/g)].map((m) => m[1] as string))];

    for (const view of VIEWS) {
      // Act
      const data = screenData(view, words);

      // Assess
      expect(screenFields.filter((field) => !(field in data))).toEqual([]);
      const stageFields = Object.keys(screenData(VIEWS[0] as ScreenView, words).stages[0] ?? {});
      const lineFields = Object.keys(data.lines[0] ?? {});
      expect(itemFields.filter((field) => !stageFields.includes(field) && !lineFields.includes(field))).toEqual([]);
    }
  });

  it('keeps the directive small whatever the pipeline: at most 20 stages, every text cut to 100 characters', () => {
    // Prepare
    const long = 'x'.repeat(5000);
    const view: ScreenView = {
      kind: 'status', where: { service: long, environment: long }, latestExecution: execution('e-1', 'Succeeded', 3, long, long),
      stages: Array.from({ length: 200 }, (_, i) => ({ name: `${long}${i}`, status: 'Succeeded', currentAction: long })),
    };

    // Act
    const directive = renderDocument(view, words);

    // Assess
    const data = directive.datasources?.screen as ReturnType<typeof screenData>;
    expect(data.stages).toHaveLength(20);
    expect(Math.max(...[data.where, ...data.stages.map((s) => s.name), ...data.lines.map((l) => l.value)].map((t) => t.length))).toBe(100);
    expect(Buffer.byteLength(JSON.stringify(directive))).toBeLessThan(16 * 1024);
  });

  it.each<[string | undefined, boolean]>([
    ['2024.2', true], ['2024.1', true], ['2025.1', true], ['2023.3', false], ['1.9', false], ['banana', false], [undefined, true],
  ])('is rendered by a device whose APL runtime is %s: %s', (maxVersion, renders) => {
    expect(runtimeRenders(maxVersion)).toBe(renders);
  });

  it('shows a read-back\'s facts and what to say: an approval, what it asks, since when, what it holds', () => {
    // Prepare
    const since = new Date(Date.now() - 45 * 60_000);
    const release = execution('e-wait', 'InProgress', 50, 'Add gift cards', 'bob');

    // Act
    const data = screenData({
      kind: 'read-back', where,
      subject: { action: 'reject', pipeline: 'checkout-prod', approval: { stage: 'Approve', action: 'ManualApproval', token: 't', since, message: 'Check the canary\nthen approve' }, release },
    }, words);

    // Assess
    expect(data.heading).toBe('Ready to reject');
    expect(data.lines).toEqual([
      { label: 'Stage', value: 'Approve' },
      { label: 'Asks', value: 'Check the canary' },
      { label: 'Waiting since', value: '45 minutes ago' },
      { label: 'Holds', value: 'Add gift cards' },
      { label: 'Commit', value: 'e-waitab' },
      { label: 'Started by', value: 'bob' },
      { label: 'Started', value: '50 minutes ago' },
      { label: 'Pipeline', value: 'checkout-prod' },
    ]);
    expect(data.hint).toBe('Say yes to reject it, or no.');
  });

  it('shows a stage rollback\'s read-back: the stage, what it last ran, and the release it returns to', () => {
    // Act
    const data = screenData({
      kind: 'read-back', where,
      subject: { action: 'rollback', plan: { kind: 'rollback-stage', stage: 'Deploy', current: execution('e-now', 'Succeeded', 20, 'Add gift cards'), target: execution('e-old', 'Succeeded', 120, 'Fix tax rounding', 'carol') } },
    }, words);

    // Assess
    expect(data.lines.map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Stage: Deploy', 'Running now: Add gift cards', 'Commit: e-nowabc', 'Puts back: Fix tax rounding', 'Commit: e-oldabc',
      'Started by: carol', 'Started: 2 hours ago',
    ]);
    expect(data.hint).toBe('Say yes to roll back, or no.');
  });
});
