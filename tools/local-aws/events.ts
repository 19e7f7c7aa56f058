import { createHash } from 'node:crypto';
import type { DeploymentRecord, ExecutionRecord } from './model';
import { ACCOUNT_ID, type LocalAwsStore } from './store';

/**
 * The EventBridge events AWS sends when a pipeline execution or a CodeDeploy deployment ends, for the releases the
 * stand-in runs: "CodePipeline Pipeline Execution State Change" and "CodeDeploy Deployment State-change Notification",
 * in the shapes of tests/fixtures/eventbridge (AWS's published examples). Nothing runs on a timer here either:
 * `take()` works out what has ended by the store's clock and hands out each end once, as a rule would deliver it.
 */

export interface StateChangeEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Readonly<Record<string, unknown>>;
}

const PIPELINE_STATES: Readonly<Record<string, string>> = { Succeeded: 'SUCCEEDED', Failed: 'FAILED', Stopped: 'STOPPED', Superseded: 'SUPERSEDED' };
const DEPLOYMENT_STATES: Readonly<Record<string, string>> = { Succeeded: 'SUCCESS', Failed: 'FAILURE', Stopped: 'STOP' };

export class ReleaseEvents {
  private readonly delivered = new Set<string>();

  /** Only releases started at or after `since` (epoch ms) make events: the seeded history is not news. */
  constructor(private readonly store: LocalAwsStore, private readonly since: number) {}

  /** The events of every release end since the last call, in the order they ended. */
  take(): StateChangeEvent[] {
    this.store.sync();
    // Deployments first: at the same moment, a deploy stage ends because its deployment did.
    const ends = [...this.deploymentEnds(), ...this.pipelineEnds()].filter((end) => !this.delivered.has(end.key));
    for (const end of ends) this.delivered.add(end.key);
    return ends.sort((a, b) => a.at - b.at).map((end) => end.event);
  }

  /** How many releases started since `since` have not ended yet. */
  running(): number {
    this.store.sync();
    const now = this.store.now();
    const executions = this.executions().filter((execution) => this.store.plan(execution).endedAt > now);
    const deployments = this.deployments().filter((deployment) => this.store.deploymentEnd(deployment) === undefined);
    return executions.length + deployments.length;
  }

  private executions(): ExecutionRecord[] {
    return this.store.pipelineNames().flatMap((name) => this.store.pipeline(name).executions).filter((execution) => execution.startedAt >= this.since);
  }

  private deployments(): DeploymentRecord[] {
    return this.store.deploymentsOf().filter((deployment) => deployment.createdAt >= this.since);
  }

  private pipelineEnds() {
    const now = this.store.now();
    return this.executions().flatMap((execution) => {
      const plan = this.store.plan(execution);
      const state = PIPELINE_STATES[plan.status];
      if (plan.endedAt > now || state === undefined) return [];
      const region = this.store.region;
      const key = `execution ${execution.id}`;
      return [{
        key, at: plan.endedAt,
        event: envelope(key, 'CodePipeline Pipeline Execution State Change', 'aws.codepipeline', plan.endedAt, region,
          [`arn:aws:codepipeline:${region}:${ACCOUNT_ID}:${execution.pipelineName}`],
          { pipeline: execution.pipelineName, 'execution-id': execution.id, state, version: execution.pipelineVersion }),
      }];
    });
  }

  private deploymentEnds() {
    return this.deployments().flatMap((deployment) => {
      const endedAt = this.store.deploymentEnd(deployment);
      const state = endedAt === undefined ? undefined : DEPLOYMENT_STATES[this.store.deploymentStatus(deployment, endedAt)];
      if (endedAt === undefined || state === undefined) return [];
      const region = this.store.region;
      const group = this.store.deploymentGroup(deployment.application, deployment.deploymentGroup);
      const key = `deployment ${deployment.id}`;
      return [{
        key, at: endedAt,
        event: envelope(key, 'CodeDeploy Deployment State-change Notification', 'aws.codedeploy', endedAt, region, [
          `arn:aws:codedeploy:${region}:${ACCOUNT_ID}:application:${deployment.application}`,
          `arn:aws:codedeploy:${region}:${ACCOUNT_ID}:deploymentgroup:${deployment.application}/${deployment.deploymentGroup}`,
        ], {
          instanceGroupId: group.deploymentGroupId, region, application: deployment.application,
          deploymentId: deployment.id, state, deploymentGroup: deployment.deploymentGroup,
        }),
      }];
    });
  }
}

function envelope(key: string, detailType: string, source: string, at: number, region: string, resources: string[], detail: Record<string, unknown>): StateChangeEvent {
  return {
    version: '0',
    // Derived from what ended, not drawn from the store's seeded ids: taking events never changes the ids a dialog hears.
    id: uuidFrom(key),
    'detail-type': detailType,
    source,
    account: ACCOUNT_ID,
    // EventBridge times have whole seconds.
    time: new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    region,
    resources,
    detail,
  };
}

function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
