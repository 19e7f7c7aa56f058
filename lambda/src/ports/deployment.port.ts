import type { Deployment, DeploymentGroupRef, DeploymentStatus, ReadHistory, Revision } from '../domain/release';

/** A deployment group (AWS CodeDeploy in production). Every method may throw a PushToProdError. */
export interface DeploymentPort {
  /**
   * The group's deployments with one of `statuses`, newest first (sorted by creation time, which the AWS API
   * does not promise), at most `limit`.
   */
  recentDeployments(group: DeploymentGroupRef, statuses: readonly DeploymentStatus[], limit: number): Promise<Deployment[]>;
  /**
   * The group's most recently created deployment, whatever its status (running, ended, a rollback), or undefined
   * when the group has none: one read however many deployments the group has.
   */
  latestDeployment(group: DeploymentGroupRef): Promise<Deployment | undefined>;
  /**
   * The group's deployments created from `from` to `to`, newest first; `complete` is false when `maxPages` list
   * pages ended the read first (the API lists in no promised order, so then any of them may be missing).
   */
  deploymentsCreated(group: DeploymentGroupRef, from: Date, to: Date, maxPages: number): Promise<ReadHistory<Deployment>>;
  /** Deploys `revision` again to the group. There is no idempotency token: callers check for active deployments first. */
  redeploy(group: DeploymentGroupRef, revision: Revision, description: string): Promise<{ deploymentId: string; requestId?: string }>;
  /** Stops a deployment; with `rollBack`, CodeDeploy puts the previous revision back. */
  stop(deploymentId: string, region: string, rollBack: boolean): Promise<{ status: 'Pending' | 'Succeeded' | string; message?: string; requestId?: string }>;
}
