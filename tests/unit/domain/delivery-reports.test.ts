import { DeliveryReports, MAX_DEPLOYMENT_PAGES, MAX_EXECUTION_PAGES } from '../../../lambda/src/domain/delivery-reports';
import { AwsTimeoutError, ThrottledError } from '../../../lambda/src/domain/errors';
import type { PipelineRef, Target } from '../../../lambda/src/domain/release';
import { named } from '../../../lambda/src/domain/report-period';
import { FakeDeployments, FakePipelines } from '../../support/fake-release-ports';

const NOW = new Date('2026-11-26T14:00:00Z');
const PERIOD = named('this_week', NOW, 'UTC');

function target(service: string, environment = 'production'): Target {
  return {
    service, environment,
    pipeline: { name: `${service}-${environment}`, region: 'eu-west-1' },
    deploymentGroup: { application: service, deploymentGroup: `${service}-${environment}`, region: 'eu-west-1' },
  };
}

/** Pipelines whose reads take `ms` each. */
class SlowPipelines extends FakePipelines {
  constructor(private readonly ms: number) {
    super();
  }

  override async executionsSince(pipeline: PipelineRef, since: Date, maxPages: number) {
    await new Promise((resolve) => setTimeout(resolve, this.ms).unref());
    return super.executionsSince(pipeline, since, maxPages);
  }
}

describe('DeliveryReports', () => {
  it('reads the pipeline from the period\'s start and the deployments over the period, within the page bounds', async () => {
    // Prepare
    const pipelines = new FakePipelines();
    const deployments = new FakeDeployments();
    pipelines.executions.set('checkout-production', [{ id: 'e1', status: 'Succeeded', startedAt: new Date('2026-11-24T10:00:00Z'), updatedAt: new Date('2026-11-24T10:12:00Z'), revisions: [], isRollback: false }]);
    const reports = new DeliveryReports(pipelines, deployments, () => 6000);

    // Act
    const report = await reports.report([target('checkout')], PERIOD);

    // Assess
    expect(pipelines.calls).toEqual([{ op: 'executionsSince', args: [target('checkout').pipeline, PERIOD.start, MAX_EXECUTION_PAGES] }]);
    expect(deployments.calls).toEqual([{ op: 'deploymentsCreated', args: [target('checkout').deploymentGroup, PERIOD.start, PERIOD.end, MAX_DEPLOYMENT_PAGES] }]);
    expect(report.rows.map((r) => [r.target.service, r.metrics.succeeded])).toEqual([['checkout', 1]]);
    expect(report.leftOut).toEqual([]);
  });

  it('answers with what it read in time and leaves the rest out by name', async () => {
    // Prepare: six services, each read takes 1.2 s, four at a time, 2.5 s left.
    const deadline = Date.now() + 2500;
    const reports = new DeliveryReports(new SlowPipelines(1200), new FakeDeployments(), () => deadline - Date.now());
    const targets = ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => target(s));
    const started = Date.now();

    // Act
    const report = await reports.report(targets, PERIOD);

    // Assess
    expect(Date.now() - started).toBeLessThan(2500 - 500);
    expect(report.rows.map((r) => r.target.service)).toEqual(['a', 'b', 'c', 'd']);
    expect(report.leftOut).toEqual([{ target: targets[4], reason: 'time' }, { target: targets[5], reason: 'time' }]);
  });

  it('stops waiting for a read that would run past the time kept for answering', async () => {
    // Prepare: one read that takes 3 s with 1.6 s left.
    const deadline = Date.now() + 1600;
    const reports = new DeliveryReports(new SlowPipelines(3000), new FakeDeployments(), () => deadline - Date.now());
    const started = Date.now();

    // Act
    const slow = reports.report([target('slow')], PERIOD);

    // Assess
    await expect(slow).rejects.toBeInstanceOf(AwsTimeoutError);
    // It gave up 700 ms before the deadline, not when the read ended.
    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('leaves out a service AWS refused and reports the others', async () => {
    // Prepare
    const deployments = new FakeDeployments();
    deployments.deploymentsCreated = async (group, from, to, pages) => {
      if (group.application === 'billing') throw new ThrottledError('ListDeployments', 'Rate exceeded');
      return FakeDeployments.prototype.deploymentsCreated.call(deployments, group, from, to, pages);
    };
    const reports = new DeliveryReports(new FakePipelines(), deployments, () => 6000);

    // Act
    const report = await reports.report([target('checkout'), target('billing')], PERIOD);

    // Assess
    expect(report.rows.map((r) => r.target.service)).toEqual(['checkout']);
    expect(report.leftOut).toEqual([{ target: target('billing'), reason: 'error' }]);
  });

  it('says why when it could read nothing at all', async () => {
    // Prepare
    const pipelines = new FakePipelines();
    pipelines.failure.executionsSince = new ThrottledError('ListPipelineExecutions', 'Rate exceeded');
    const reports = new DeliveryReports(pipelines, new FakeDeployments(), () => 6000);

    // Act and assess
    await expect(reports.report([target('checkout'), target('billing')], PERIOD)).rejects.toBeInstanceOf(ThrottledError);
  });

  it('starts no read when too little time is left, and says it ran out of time', async () => {
    // Prepare
    const pipelines = new FakePipelines();
    const reports = new DeliveryReports(pipelines, new FakeDeployments(), () => 1000);

    // Act and assess
    await expect(reports.report([target('checkout')], PERIOD)).rejects.toBeInstanceOf(AwsTimeoutError);
    expect(pipelines.calls).toEqual([]);
  });
});
