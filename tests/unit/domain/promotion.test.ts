import {
  alreadyRuns, bakeMinutesLeft, choosePromotion, isPromotionProblem, promotionKey, type PromotionPlan,
} from '../../../lambda/src/domain/promotion';
import type { PipelineExecution, SourceAction } from '../../../lambda/src/domain/release';

const NOW = new Date('2026-11-26T14:00:00Z');
const GIT: SourceAction = { name: 'Source', provider: 'CodeStarSourceConnection', revisionType: 'COMMIT_ID' };

function run(id: string, status: string, minutesAgo: number, revisions: Record<string, string> = { Source: `${id}-commit` }): PipelineExecution {
  const at = new Date(NOW.getTime() - minutesAgo * 60_000);
  return {
    id, status, isRollback: false, startedAt: new Date(at.getTime() - 5 * 60_000), updatedAt: at,
    revisions: Object.entries(revisions).map(([actionName, revisionId]) => ({ actionName, revisionId, summary: `${id} change` })),
  };
}

const plan = (value: ReturnType<typeof choosePromotion>): PromotionPlan => {
  if (isPromotionProblem(value)) throw new Error(`expected a plan, got ${value.kind}`);
  return value;
};

describe('choosePromotion', () => {
  it('takes the newest succeeded release, skipping failed and running ones, and counts from when it succeeded', () => {
    const chosen = plan(choosePromotion('staging', 30, [run('e3', 'InProgress', 1), run('e2', 'Failed', 10), run('e1', 'Succeeded', 40)], [GIT]));

    expect(chosen.execution.id).toBe('e1');
    expect(chosen.succeededAt).toEqual(new Date(NOW.getTime() - 40 * 60_000));
    expect(chosen.revisions).toEqual([{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: 'e1-commit' }]);
  });

  it('maps every source action by name, each with its own revision type', () => {
    const actions: SourceAction[] = [GIT, { name: 'Config', provider: 'S3', revisionType: 'S3_OBJECT_VERSION_ID' }];

    const chosen = plan(choosePromotion('staging', 0, [run('e1', 'Succeeded', 5, { Source: 'abc', Config: 'v7' })], actions));

    expect(chosen.revisions).toEqual([
      { actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: 'abc' },
      { actionName: 'Config', revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: 'v7' },
    ]);
  });

  it('says why nothing can be promoted', () => {
    expect(choosePromotion('staging', 30, [run('e1', 'Failed', 5)], [GIT])).toEqual({ kind: 'nothing-succeeded' });
    expect(choosePromotion('staging', 30, [run('e1', 'Succeeded', 5)], [])).toEqual({ kind: 'no-source-actions' });
    expect(choosePromotion('staging', 30, [run('e1', 'Succeeded', 5, { App: 'abc' })], [GIT])).toEqual({ kind: 'actions-differ', missing: ['Source'], extra: ['App'] });
    expect(choosePromotion('staging', 30, [run('e1', 'Succeeded', 5, { Source: 'abc', Config: 'v1' })], [GIT])).toEqual({ kind: 'actions-differ', missing: [], extra: ['Config'] });
    expect(choosePromotion('staging', 30, [run('e1', 'Succeeded', 5)], [{ name: 'Source', provider: 'Custom' }])).toEqual({ kind: 'not-overridable', action: 'Source', provider: 'Custom' });
    expect(choosePromotion('staging', 30, [run('e1', 'Succeeded', 5, { Source: '' })], [GIT])).toEqual({ kind: 'no-revision-id', action: 'Source' });
  });
});

describe('bakeMinutesLeft', () => {
  it('counts whole minutes up, and is zero once baked', () => {
    const at = (minutesAgo: number) => plan(choosePromotion('staging', 30, [run('e1', 'Succeeded', minutesAgo)], [GIT]));

    expect(bakeMinutesLeft(at(12), NOW)).toBe(18);
    expect(bakeMinutesLeft(at(29.5), NOW)).toBe(1);
    expect(bakeMinutesLeft(at(30), NOW)).toBe(0);
    expect(bakeMinutesLeft(at(300), NOW)).toBe(0);
  });
});

describe('promotionKey', () => {
  it('changes with the source release and with its revisions', () => {
    const key = (id: string, commit: string) => promotionKey(plan(choosePromotion('staging', 0, [run(id, 'Succeeded', 5, { Source: commit })], [GIT])));

    expect(key('e1', 'abc')).toBe(key('e1', 'abc'));
    expect(key('e1', 'abc')).not.toBe(key('e2', 'abc'));
    expect(key('e1', 'abc')).not.toBe(key('e1', 'abd'));
    expect(key('e1', 'abc').length).toBeLessThan(80);
  });
});

describe('alreadyRuns', () => {
  it('is true only when the target ran exactly those revisions', () => {
    const chosen = plan(choosePromotion('staging', 0, [run('e1', 'Succeeded', 5, { Source: 'abc' })], [GIT]));

    expect(alreadyRuns(chosen, run('p1', 'Succeeded', 60, { Source: 'abc' }))).toBe(true);
    expect(alreadyRuns(chosen, run('p1', 'Succeeded', 60, { Source: 'def' }))).toBe(false);
    expect(alreadyRuns(chosen, undefined)).toBe(false);
  });
});
