import { deliveryMetrics, median, type TargetHistory } from '../../../lambda/src/domain/delivery-report';
import type { Deployment, PipelineExecution } from '../../../lambda/src/domain/release';

/** Hand-built histories: times are "day HH:MM" of November 2026, UTC. The period is November 16 to November 23. */
const at = (when: string) => {
  const [day, clock] = when.split(' ');
  return new Date(`2026-11-${(day ?? '').padStart(2, '0')}T${clock ?? '00:00'}:00Z`);
};
const START = at('16 00:00');
const END = at('23 00:00');
const MINUTE = 60_000;

let seq = 0;
function run(status: string, started: string, ended?: string, options: { rollback?: boolean } = {}): PipelineExecution {
  seq += 1;
  return {
    id: `exec-${seq}`, status, startedAt: at(started), updatedAt: ended === undefined ? at(started) : at(ended),
    revisions: [], isRollback: options.rollback ?? false,
  };
}

function deployment(status: string, created: string, completed?: string, options: { rollback?: boolean; rollbackOf?: string; id?: string } = {}): Deployment {
  seq += 1;
  return {
    id: options.id ?? `d-${seq}`, status, createdAt: at(created), completedAt: completed === undefined ? undefined : at(completed),
    isRollback: options.rollback ?? false, rollbackOf: options.rollbackOf,
  };
}

const pipeline = (executions: PipelineExecution[], deployments: Deployment[] = []): TargetHistory => ({ hasPipeline: true, executions, deployments, complete: true });
const codeDeployOnly = (deployments: Deployment[]): TargetHistory => ({ hasPipeline: false, executions: [], deployments, complete: true });

describe('deliveryMetrics', () => {
  it('counts a release that starts at the first instant of the period, and not one that starts at its end', () => {
    const history = pipeline([
      run('Succeeded', '15 23:59', '16 00:10'),
      run('Succeeded', '16 00:00', '16 00:12'),
      run('Succeeded', '22 23:59', '23 00:09'),
      run('Succeeded', '23 00:00', '23 00:13'),
    ]);

    const m = deliveryMetrics(history, START, END);

    expect(m.releases).toBe(2);
    // The runs that started at 00:00 on the 16th (12 minutes) and at 23:59 on the 22nd (10 minutes).
    expect(m.pipelineRunsMs).toEqual([12 * MINUTE, 10 * MINUTE]);
    expect(m.days).toBe(7);
  });

  it('says nothing happened in an empty period, with no rate and no medians', () => {
    const m = deliveryMetrics(pipeline([run('Succeeded', '10 10:00', '10 10:10')]), START, END);

    expect(m).toMatchObject({ releases: 0, succeeded: 0, failed: 0, running: 0, unrestored: 0, restoresMs: [], pipelineRunsMs: [] });
    expect(m.changeFailureRate).toBeUndefined();
  });

  it('counts a period of only failures as all failed and not restored', () => {
    const m = deliveryMetrics(pipeline([
      run('Failed', '17 10:00', '17 10:05'),
      run('Failed', '18 10:00', '18 10:07'),
      run('Failed', '19 10:00', '19 10:04'),
    ]), START, END);

    expect(m).toMatchObject({ releases: 3, succeeded: 0, failed: 3, changeFailureRate: 1, restoresMs: [], unrestored: 1, pipelineRunsMs: [] });
  });

  it('leaves running executions out of every number, and counts them apart', () => {
    const m = deliveryMetrics(pipeline([
      run('Succeeded', '17 10:00', '17 10:10'),
      run('InProgress', '22 23:00', '22 23:05'),
      run('Stopping', '22 22:00', '22 22:05'),
    ]), START, END);

    expect(m).toMatchObject({ releases: 1, succeeded: 1, failed: 0, running: 2, changeFailureRate: 0 });
  });

  it('counts neither stopped, cancelled nor superseded executions as releases', () => {
    const m = deliveryMetrics(pipeline([
      run('Stopped', '17 10:00', '17 10:03'),
      run('Cancelled', '17 11:00', '17 11:00'),
      run('Superseded', '17 12:00', '17 12:04'),
      run('Succeeded', '17 13:00', '17 13:10'),
    ]), START, END);

    expect(m).toMatchObject({ releases: 1, succeeded: 1, failed: 0 });
  });

  it('gives the change failure rate as failed releases over all releases', () => {
    const m = deliveryMetrics(pipeline([
      run('Succeeded', '16 09:00', '16 09:10'),
      run('Failed', '17 09:00', '17 09:05'),
      run('Succeeded', '17 11:00', '17 11:12'),
      run('Succeeded', '18 09:00', '18 09:11'),
      run('Succeeded', '19 09:00', '19 09:09'),
    ]), START, END);

    expect(m).toMatchObject({ releases: 5, succeeded: 4, failed: 1, changeFailureRate: 0.2 });
  });

  it('times a restore from the failed run\'s end to the end of the next success', () => {
    const m = deliveryMetrics(pipeline([
      run('Failed', '17 09:00', '17 09:05'),
      run('Succeeded', '17 09:30', '17 09:45'),
    ]), START, END);

    expect(m.restoresMs).toEqual([40 * MINUTE]);
    expect(m.unrestored).toBe(0);
  });

  it('times failures in a row as one outage, from the first', () => {
    const m = deliveryMetrics(pipeline([
      run('Failed', '17 09:00', '17 09:05'),
      run('Failed', '17 09:20', '17 09:25'),
      run('Succeeded', '17 10:00', '17 10:05'),
    ]), START, END);

    expect(m.restoresMs).toEqual([60 * MINUTE]);
    expect(m.failed).toBe(2);
  });

  it('counts a release rolled back by the skill as failed, restored when the rollback ends', () => {
    const m = deliveryMetrics(pipeline(
      [run('Succeeded', '18 10:00', '18 10:12'), run('Succeeded', '17 10:00', '17 10:10')],
      [deployment('Succeeded', '18 10:40', '18 10:52', { rollback: true })],
    ), START, END);

    expect(m).toMatchObject({ releases: 2, succeeded: 2, failed: 1, rolledBack: 1, changeFailureRate: 0.5 });
    expect(m.restoresMs).toEqual([40 * MINUTE]);
  });

  it('counts a rollback of a pipeline stage as rolling back the release before it', () => {
    const m = deliveryMetrics(pipeline([
      run('Succeeded', '17 10:00', '17 10:10'),
      run('Succeeded', '18 10:00', '18 10:10'),
      run('Succeeded', '18 11:00', '18 11:03', { rollback: true }),
    ]), START, END);

    expect(m).toMatchObject({ releases: 2, failed: 1, rolledBack: 1 });
    expect(m.restoresMs).toEqual([53 * MINUTE]);
    // The rollback run is a recovery: its three minutes are no pipeline run.
    expect(m.pipelineRunsMs).toEqual([10 * MINUTE, 10 * MINUTE]);
  });

  it('does not count CodeDeploy\'s rollback of a failed deployment as a second failure', () => {
    const failed = deployment('Failed', '18 10:08', '18 10:10');
    const m = deliveryMetrics(pipeline(
      [run('Succeeded', '17 10:00', '17 10:10'), run('Failed', '18 10:00', '18 10:10')],
      [deployment('Succeeded', '17 10:05', '17 10:10'), failed, deployment('Succeeded', '18 10:10', '18 10:14', { rollback: true, rollbackOf: failed.id })],
    ), START, END);

    expect(m).toMatchObject({ releases: 2, failed: 1, rolledBack: 0 });
    expect(m.restoresMs).toEqual([4 * MINUTE]);
  });

  it('trusts CodeDeploy\'s word that a rollback recovered a failed deployment, with clocks a little apart', () => {
    // The failed deployment was recorded a minute before the execution that made it: no succeeded release is blamed.
    const failed = deployment('Failed', '18 09:59', '18 10:10');
    const m = deliveryMetrics(pipeline(
      [run('Succeeded', '17 10:00', '17 10:10'), run('Failed', '18 10:00', '18 10:10')],
      [failed, deployment('Succeeded', '18 10:10', '18 10:14', { rollback: true, rollbackOf: failed.id })],
    ), START, END);

    expect(m).toMatchObject({ releases: 2, failed: 1, rolledBack: 0 });
  });

  it('counts deployments as the releases of an environment without a pipeline, a stopped one as failed', () => {
    const m = deliveryMetrics(codeDeployOnly([
      deployment('Succeeded', '17 10:00', '17 10:08'),
      deployment('Stopped', '18 10:00', '18 10:02'),
      deployment('Succeeded', '18 10:02', '18 10:06', { rollback: true }),
      deployment('Failed', '19 10:00', '19 10:04'),
      deployment('InProgress', '22 22:00'),
    ]), START, END);

    expect(m).toMatchObject({ releases: 3, succeeded: 1, failed: 2, running: 1, rolledBack: 0, unrestored: 1 });
    expect(m.restoresMs).toEqual([4 * MINUTE]);
    expect(m.pipelineRunsMs).toEqual([]);
  });

  it('marks the deployment CodeDeploy names as rolled back when it had succeeded', () => {
    const good = deployment('Succeeded', '17 10:00', '17 10:08');
    const rolledBack = deployment('Succeeded', '18 10:00', '18 10:08');
    const m = deliveryMetrics(codeDeployOnly([
      good, rolledBack,
      deployment('Succeeded', '18 12:00', '18 12:05', { rollback: true, rollbackOf: rolledBack.id }),
    ]), START, END);

    expect(m).toMatchObject({ releases: 2, succeeded: 2, failed: 1, rolledBack: 1 });
    expect(m.restoresMs).toEqual([(2 * 60 - 3) * MINUTE]);
  });

  it('counts an outage that is not over by the end of the period as not restored', () => {
    const m = deliveryMetrics(pipeline([
      run('Failed', '22 20:00', '22 20:05'),
      run('Succeeded', '23 09:00', '23 09:10'),
    ]), START, END);

    expect(m).toMatchObject({ unrestored: 1, restoresMs: [] });
  });

  it('does not time an outage that began before the period', () => {
    const m = deliveryMetrics(pipeline([
      run('Failed', '15 20:00', '15 20:05'),
      run('Succeeded', '16 09:00', '16 09:10'),
    ]), START, END);

    expect(m).toMatchObject({ releases: 1, restoresMs: [], unrestored: 0 });
  });

  it('measures pipeline runs of succeeded executions only, from start to last update', () => {
    const m = deliveryMetrics(pipeline([
      run('Succeeded', '17 10:00', '17 10:12'),
      run('Failed', '17 11:00', '17 11:50'),
      run('Succeeded', '18 10:00', '18 10:08'),
      run('Succeeded', '19 10:00', '19 10:30'),
    ]), START, END);

    expect(m.pipelineRunsMs).toEqual([12 * MINUTE, 8 * MINUTE, 30 * MINUTE]);
    expect(median(m.pipelineRunsMs)).toBe(12 * MINUTE);
  });

  it('narrows the period to what was read when a page bound stopped the read', () => {
    const history = { ...pipeline([run('Succeeded', '20 10:00', '20 10:10'), run('Succeeded', '21 10:00', '21 10:10')]), complete: false, readFrom: at('20 10:00') };

    const m = deliveryMetrics(history, START, END);

    expect(m.start).toEqual(at('20 10:00'));
    expect(m.days).toBeCloseTo(2.583, 3);
    expect(m.complete).toBe(false);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeUndefined();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
