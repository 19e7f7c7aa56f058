import { chooseRedeploy, chooseStageRollback, planKey, undoesARollback } from '../../../lambda/src/domain/rollback';
import { deployment, execution } from '../../support/fake-release-ports';

describe('chooseRedeploy', () => {
  it('targets the newest older succeeded deployment of a different revision', () => {
    const plan = chooseRedeploy([
      deployment('d-2', 'Succeeded', 200, 'rev-b'),
      deployment('d-3', 'Succeeded', 100, 'rev-c'),
      deployment('d-1', 'Succeeded', 300, 'rev-a'),
    ]);

    expect(plan.kind).toBe('redeploy');
    expect(plan.kind === 'redeploy' && [plan.current.id, plan.target.id]).toEqual(['d-3', 'd-2']);
  });

  it('never targets a failed or stopped deployment, nor the revision running now', () => {
    const plan = chooseRedeploy([
      deployment('d-now', 'Succeeded', 10, 'rev-c'),
      deployment('d-failed', 'Failed', 20, 'rev-x'),
      deployment('d-stopped', 'Stopped', 30, 'rev-y'),
      deployment('d-same', 'Succeeded', 40, 'rev-c'),
      deployment('d-good', 'Succeeded', 50, 'rev-b'),
    ]);

    expect(plan.kind === 'redeploy' && plan.target.id).toBe('d-good');
  });

  it('compares revisions by content, whatever the key order', () => {
    const a = { ...deployment('d-a', 'Succeeded', 10, 'x'), revision: { kind: 'archive' as const, id: 'x', location: { revisionType: 'S3', s3Location: { bucket: 'b', key: 'k', version: '1' } } } };
    const b = { ...deployment('d-b', 'Succeeded', 20, 'x'), revision: { kind: 'archive' as const, id: 'x', location: { s3Location: { version: '1', key: 'k', bucket: 'b' }, revisionType: 'S3' } } };

    expect(chooseRedeploy([a, b])).toEqual({ kind: 'nothing', reason: 'no-earlier-revision' });
  });

  it('says there is no history when nothing ever succeeded', () => {
    expect(chooseRedeploy([deployment('d-1', 'Failed', 10, 'a')])).toEqual({ kind: 'nothing', reason: 'no-history' });
  });

  it('flags a plan that would undo a rollback', () => {
    const plan = chooseRedeploy([deployment('d-rb', 'Succeeded', 10, 'a', true), deployment('d-bad', 'Succeeded', 20, 'b')]);

    expect(undoesARollback(plan)).toBe(true);
    expect(planKey(plan)).toBe('redeploy:d-bad');
  });
});

describe('chooseStageRollback', () => {
  it('skips executions that failed or were rollbacks themselves', () => {
    const plan = chooseStageRollback('Deploy', [
      execution('e-now', 'Succeeded', 10),
      execution('e-rb', 'Succeeded', 20, 'x', 'a', true),
      execution('e-fail', 'Failed', 30),
      execution('e-good', 'Succeeded', 40),
    ]);

    expect(plan.kind === 'rollback-stage' && plan.target.id).toBe('e-good');
  });
});
