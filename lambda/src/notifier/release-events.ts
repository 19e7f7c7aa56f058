import type { ReleaseOutcome, ReleaseRef } from '../domain/release-journal';

/**
 * The EventBridge events the notifier's rules deliver, read into the end of a release. Shapes:
 * - "CodePipeline Pipeline Execution State Change" (source aws.codepipeline): `detail.pipeline`, `detail["execution-id"]`,
 *   `detail.state`; AWS CodePipeline User Guide, "Monitoring CodePipeline events" (pipeline-level states), and
 *   aws/aws-lambda-go events/testdata/codepipeline-execution-state-change-event.json.
 * - "CodeDeploy Deployment State-change Notification" (source aws.codedeploy): `detail.application`,
 *   `detail.deploymentGroup`, `detail.deploymentId`, `detail.state` (START, STOP, FAILURE, SUCCESS, READY); AWS CodeDeploy
 *   User Guide, "Monitoring deployments with Amazon EventBridge", and aws/aws-lambda-go
 *   events/testdata/codedeploy-deployment-event.json.
 * Anything else, and any state that is not an end (STARTED, RESUMED, STOPPING, START, READY), is not a release's end.
 */

export const PIPELINE_DETAIL_TYPE = 'CodePipeline Pipeline Execution State Change';
export const DEPLOYMENT_DETAIL_TYPE = 'CodeDeploy Deployment State-change Notification';

/** Pipeline-level end states and what they mean to the person who started the release. */
export const PIPELINE_END_STATES: Readonly<Record<string, ReleaseOutcome>> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  STOPPED: 'stopped',
  SUPERSEDED: 'superseded',
  // The pipeline's structure changed under the execution: it did not finish, as a stop does not.
  CANCELED: 'stopped',
};

export const DEPLOYMENT_END_STATES: Readonly<Record<string, ReleaseOutcome>> = {
  SUCCESS: 'succeeded',
  FAILURE: 'failed',
  STOP: 'stopped',
};

export type ReleaseEnd = {
  readonly ref: ReleaseRef;
  readonly outcome: ReleaseOutcome;
  /** When it ended: the event's time. */
  readonly at: Date;
  /** The event's own id, for the log. */
  readonly eventId?: string;
} & (
  | { readonly source: 'pipeline'; readonly pipeline: string }
  | { readonly source: 'deployment'; readonly application: string; readonly deploymentGroup: string }
);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
/** hasOwn, not table[state]: a state such as "constructor" must not find Object's own members. */
const lookup = (table: Readonly<Record<string, ReleaseOutcome>>, state: string): ReleaseOutcome | undefined => (Object.hasOwn(table, state) ? table[state] : undefined);

/** The release end an event reports, or undefined when it reports none. */
export function releaseEndFrom(event: unknown): ReleaseEnd | undefined {
  if (!isObject(event) || !isObject(event.detail)) return undefined;
  const detail = event.detail;
  const at = new Date(text(event.time) ?? Number.NaN);
  if (Number.isNaN(at.getTime())) return undefined;
  const eventId = text(event.id);
  const state = text(detail.state) ?? '';

  if (event.source === 'aws.codepipeline' && event['detail-type'] === PIPELINE_DETAIL_TYPE) {
    const outcome = lookup(PIPELINE_END_STATES, state);
    const pipeline = text(detail.pipeline);
    const executionId = text(detail['execution-id']);
    if (outcome === undefined || pipeline === undefined || executionId === undefined) return undefined;
    return { source: 'pipeline', pipeline, ref: { executionId }, outcome, at, eventId };
  }
  if (event.source === 'aws.codedeploy' && event['detail-type'] === DEPLOYMENT_DETAIL_TYPE) {
    const outcome = lookup(DEPLOYMENT_END_STATES, state);
    const application = text(detail.application);
    const deploymentGroup = text(detail.deploymentGroup);
    const deploymentId = text(detail.deploymentId);
    if (outcome === undefined || application === undefined || deploymentGroup === undefined || deploymentId === undefined) return undefined;
    return { source: 'deployment', application, deploymentGroup, ref: { deploymentId }, outcome, at, eventId };
  }
  return undefined;
}
