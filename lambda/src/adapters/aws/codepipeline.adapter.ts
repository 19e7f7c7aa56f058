import type {
  ActionState, CodePipelineClient, ExecutionTrigger, GetPipelineStateOutput, PipelineDeclaration, PipelineExecutionSummary,
  SourceRevisionType, StageState as AwsStageState, TriggerType,
} from '@aws-sdk/client-codepipeline';
import type {
  ApprovalDecision, PendingApproval, PipelineExecution, PipelineRef, PipelineState, ReadHistory, RevisionType, SourceAction,
  SourceRevisionOverride, StageState,
} from '../../domain/release';
import type { ApprovalAnswered, PipelinePort, Started } from '../../ports/pipeline.port';
import {
  GetPipelineCommand, GetPipelineStateCommand, ListPipelineExecutionsCommand, PutApprovalResultCommand, RollbackStageCommand,
  StartPipelineExecutionCommand,
} from './sdk';
import { requireId, sendCommand } from './send';

/**
 * The revision type each source provider takes in a source revision override (CodePipeline User Guide, "Start a
 * pipeline with a source revision override"). S3 could also take S3_OBJECT_KEY; what a succeeded execution reports
 * for an S3 source is the object's version id. A provider not listed cannot be overridden.
 */
const OVERRIDE_REVISION_TYPES: Readonly<Partial<Record<string, RevisionType>>> = {
  CodeCommit: 'COMMIT_ID',
  CodeStarSourceConnection: 'COMMIT_ID',
  GitHub: 'COMMIT_ID',
  ECR: 'IMAGE_DIGEST',
  S3: 'S3_OBJECT_VERSION_ID',
} satisfies Partial<Record<string, SourceRevisionType>>;

/** Trigger types whose detail is the ARN of the user or role that called the API. Typed: AWS's own names only. */
const CALLER_TRIGGERS: ReadonlySet<string> = new Set<TriggerType>(['StartPipelineExecution']);

/** Plain words for triggers that no person started directly. */
const TRIGGER_WORDS: Readonly<Partial<Record<string, string>>> = {
  Webhook: 'a webhook',
  WebhookV2: 'a webhook',
  CloudWatchEvent: 'an EventBridge rule',
  PutActionRevision: 'a source change',
  PollForSourceChanges: 'a source change',
  CreatePipeline: 'pipeline creation',
  ManualRollback: 'a manual rollback',
  AutomatedRollback: 'an automatic rollback',
} satisfies Partial<Record<TriggerType, string>>;

/** The user or role session at the end of an ARN: `…:assumed-role/Deployer/alice` → `alice`, `…:user/bob` → `bob`. */
export function callerName(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const last = resource.split('/').pop();
  return last !== undefined && last !== '' ? last : arn;
}

/** Who or what started an execution, in words. */
export function describeTrigger(trigger: ExecutionTrigger | undefined): string | undefined {
  const type = trigger?.triggerType;
  if (type === undefined) return undefined;
  const detail = trigger?.triggerDetail;
  if (CALLER_TRIGGERS.has(type)) return detail !== undefined && detail !== '' ? callerName(detail) : undefined;
  return TRIGGER_WORDS[type];
}

function toExecution(summary: PipelineExecutionSummary): PipelineExecution | undefined {
  if (summary.pipelineExecutionId === undefined) return undefined;
  return {
    id: summary.pipelineExecutionId,
    status: summary.status ?? 'Unknown',
    startedAt: summary.startTime,
    updatedAt: summary.lastUpdateTime,
    revisions: (summary.sourceRevisions ?? []).map((revision) => ({
      actionName: revision.actionName,
      revisionId: revision.revisionId,
      summary: revision.revisionSummary,
      url: revision.revisionUrl,
    })),
    startedBy: describeTrigger(summary.trigger),
    isRollback: summary.executionType === 'ROLLBACK',
  };
}

function currentAction(actions: readonly ActionState[] | undefined): string | undefined {
  const busy = (actions ?? []).find((action) => {
    const status = action.latestExecution?.status;
    return status === 'InProgress' || status === 'Failed';
  });
  return busy?.actionName;
}

/** A manual approval waits while its action is in progress with a token to answer it by. */
function waitingApproval(actions: readonly ActionState[] | undefined): StageState['waitingApproval'] {
  const waiting = (actions ?? []).find((action) => action.latestExecution?.status === 'InProgress' && action.latestExecution.token !== undefined);
  return waiting?.actionName === undefined ? undefined : { action: waiting.actionName, since: waiting.latestExecution?.lastStatusChange };
}

function toStage(stage: AwsStageState): StageState {
  const approval = waitingApproval(stage.actionStates);
  return {
    name: stage.stageName ?? '',
    status: stage.latestExecution?.status,
    executionId: stage.latestExecution?.pipelineExecutionId,
    currentAction: currentAction(stage.actionStates),
    ...(approval === undefined ? {} : { waitingApproval: approval }),
  };
}

/**
 * The manual approvals waiting in a pipeline: GetPipelineState says which actions are in progress with a token, and
 * the pipeline's declaration says which of them are Approval/Manual actions and what they ask (CustomData). An action
 * the declaration does not show as one (the pipeline changed between the two reads) is left out.
 */
export function pendingApprovalsOf(state: GetPipelineStateOutput, declaration: PipelineDeclaration | undefined): PendingApproval[] {
  const pending: PendingApproval[] = [];
  for (const stage of state.stageStates ?? []) {
    for (const action of stage.actionStates ?? []) {
      const execution = action.latestExecution;
      if (execution?.status !== 'InProgress' || !execution.token || !stage.stageName || !action.actionName) continue;
      const declared = declaration?.stages?.find((s) => s.name === stage.stageName)?.actions?.find((a) => a.name === action.actionName);
      const type = declared?.actionTypeId;
      if (type?.category !== 'Approval' || type.owner !== 'AWS' || type.provider !== 'Manual') continue;
      const customData = declared?.configuration?.CustomData;
      pending.push({
        stage: stage.stageName,
        action: action.actionName,
        token: execution.token,
        since: execution.lastStatusChange,
        message: customData !== undefined && customData !== '' ? customData : execution.summary,
        executionId: stage.latestExecution?.pipelineExecutionId,
      });
    }
  }
  return pending;
}

const newestFirst = (a: PipelineExecution, b: PipelineExecution) =>
  (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0);

/** Those that started at or after `since` (an execution without a start time cannot be placed, so it is left out), newest first. */
function startedSince(executions: readonly PipelineExecution[], since: Date): PipelineExecution[] {
  const unique = new Map(executions.map((e) => [e.id, e]));
  return [...unique.values()].filter((e) => e.startedAt !== undefined && e.startedAt >= since).sort(newestFirst);
}

/** ListPipelineExecutions answers at most this many summaries a page. */
const MAX_RESULTS = 100;

/** PipelinePort on AWS CodePipeline. */
export class CodePipelineAdapter implements PipelinePort {
  constructor(private readonly clientFor: (region: string) => CodePipelineClient) {}

  async recentExecutions(pipeline: PipelineRef, limit: number): Promise<PipelineExecution[]> {
    const output = await sendCommand(
      this.clientFor(pipeline.region),
      new ListPipelineExecutionsCommand({ pipelineName: pipeline.name, maxResults: limit }),
      { operation: 'ListPipelineExecutions', mutating: false, retrySafe: true },
    );
    return (output.pipelineExecutionSummaries ?? [])
      .map(toExecution)
      .filter((execution): execution is PipelineExecution => execution !== undefined)
      .sort(newestFirst)
      .slice(0, limit);
  }

  async executionsSince(pipeline: PipelineRef, since: Date, maxPages: number): Promise<ReadHistory<PipelineExecution>> {
    const client = this.clientFor(pipeline.region);
    const found: PipelineExecution[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const output = await sendCommand(
        client,
        new ListPipelineExecutionsCommand({ pipelineName: pipeline.name, maxResults: MAX_RESULTS, nextToken }),
        { operation: 'ListPipelineExecutions', mutating: false, retrySafe: true },
      );
      const executions = (output.pipelineExecutionSummaries ?? [])
        .map(toExecution)
        .filter((execution): execution is PipelineExecution => execution !== undefined);
      found.push(...executions);
      nextToken = output.nextToken;
      // Newest first: a page that reaches back past `since` is the last one needed.
      const reachedBack = executions.some((e) => e.startedAt !== undefined && e.startedAt < since);
      if (reachedBack || nextToken === undefined || nextToken === '') {
        return { items: startedSince(found, since), complete: true };
      }
    }
    return { items: startedSince(found, since), complete: false };
  }

  async state(pipeline: PipelineRef): Promise<PipelineState> {
    const output = await sendCommand(
      this.clientFor(pipeline.region),
      new GetPipelineStateCommand({ name: pipeline.name }),
      { operation: 'GetPipelineState', mutating: false, retrySafe: true },
    );
    return { pipeline: output.pipelineName ?? pipeline.name, stages: (output.stageStates ?? []).map(toStage) };
  }

  async sourceActions(pipeline: PipelineRef): Promise<SourceAction[]> {
    const output = await sendCommand(
      this.clientFor(pipeline.region),
      new GetPipelineCommand({ name: pipeline.name }),
      { operation: 'GetPipeline', mutating: false, retrySafe: true },
    );
    return (output.pipeline?.stages ?? []).flatMap((stage) => stage.actions ?? [])
      .filter((action) => action.actionTypeId?.category === 'Source' && action.name !== undefined)
      .map((action) => {
        const provider = action.actionTypeId?.provider ?? 'unknown';
        const revisionType = OVERRIDE_REVISION_TYPES[provider];
        return { name: action.name as string, provider, ...(revisionType === undefined ? {} : { revisionType }) };
      });
  }

  async start(pipeline: PipelineRef, idempotencyToken: string, sourceRevisions?: readonly SourceRevisionOverride[]): Promise<Started> {
    const operation = 'StartPipelineExecution';
    // The clientRequestToken makes a retried request return the first execution, so retries are safe here.
    const output = await sendCommand(
      this.clientFor(pipeline.region),
      new StartPipelineExecutionCommand({
        name: pipeline.name,
        clientRequestToken: idempotencyToken,
        ...(sourceRevisions === undefined ? {} : { sourceRevisions: sourceRevisions.map((r) => ({ ...r })) }),
      }),
      { operation, mutating: true, retrySafe: true },
    );
    return { executionId: requireId(output.pipelineExecutionId, operation, output.$metadata?.requestId), requestId: output.$metadata?.requestId };
  }

  async rollbackStage(pipeline: PipelineRef, stage: string, targetExecutionId: string): Promise<Started> {
    const operation = 'RollbackStage';
    const output = await sendCommand(
      this.clientFor(pipeline.region),
      new RollbackStageCommand({ pipelineName: pipeline.name, stageName: stage, targetPipelineExecutionId: targetExecutionId }),
      { operation, mutating: true, retrySafe: false },
    );
    return { executionId: requireId(output.pipelineExecutionId, operation, output.$metadata?.requestId), requestId: output.$metadata?.requestId };
  }

  async pendingApprovals(pipeline: PipelineRef): Promise<PendingApproval[]> {
    const client = this.clientFor(pipeline.region);
    // Both reads at once: the answer waits for the slower one, not for the two in turn.
    const [state, declaration] = await Promise.all([
      sendCommand(client, new GetPipelineStateCommand({ name: pipeline.name }), { operation: 'GetPipelineState', mutating: false, retrySafe: true }),
      sendCommand(client, new GetPipelineCommand({ name: pipeline.name }), { operation: 'GetPipeline', mutating: false, retrySafe: true }),
    ]);
    return pendingApprovalsOf(state, declaration.pipeline);
  }

  async putApprovalResult(
    pipeline: PipelineRef, approval: Pick<PendingApproval, 'stage' | 'action' | 'token'>, decision: ApprovalDecision, summary: string,
  ): Promise<ApprovalAnswered> {
    // Not retried once an attempt may have reached AWS: if the first attempt was recorded, the retry fails with
    // ApprovalAlreadyCompletedException, and our own answer would be reported as someone else's. An attempt that
    // never reached AWS, or that AWS refused (throttling), is retried as usual; an ambiguous one is "outcome unknown".
    const output = await sendCommand(
      this.clientFor(pipeline.region),
      new PutApprovalResultCommand({
        pipelineName: pipeline.name,
        stageName: approval.stage,
        actionName: approval.action,
        result: { status: decision, summary },
        token: approval.token,
      }),
      { operation: 'PutApprovalResult', mutating: true, retrySafe: false },
    );
    return { approvedAt: output.approvedAt, requestId: output.$metadata?.requestId };
  }
}
