import { LocalAlarms } from './alarms';
import type { Clock } from './clock';
import { AwsServiceError } from './wire';
import { IdSource } from './ids';
import type {
  DeploymentCreator, DeploymentGroupKey, DeploymentGroupRecord, DeploymentRecord, DeploymentStatus, ExecutionMode,
  ExecutionRecord, ExecutionView, OtherDeployAction, PipelineRecord, PipelineType, RevisionLocation, SourceRevision,
  SourceRevisionOverride, StageRun, StageSpec, StageView, Trigger,
} from './model';

/**
 * The state of the stand-in's CodePipeline, CodeDeploy and CloudWatch alarms, with the rules AWS enforces on it. Nothing runs on a
 * timer: every record keeps the timestamps it was given, and what it looks like "now" is computed from them and the
 * clock on each call. So a test moves time with a ManualClock, and an idle server keeps no process alive.
 */

export const ACCOUNT_ID = '123456789012';
export const DEFAULT_STAGE_DURATION_MS = 3000;
export const DEFAULT_CALLER_ARN = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/PushToProdSkill/push-to-prod`;
/** A manual approval nobody answers fails after seven days, as CodePipeline's do. */
export const APPROVAL_TIMEOUT_MS = 7 * 24 * 3_600_000;
const ACTIVE_DEPLOYMENT: readonly DeploymentStatus[] = ['Created', 'InProgress'];
const DEFAULT_PROVIDERS: Readonly<Record<StageSpec['kind'], string>> = {
  source: 'CodeStarSourceConnection', build: 'CodeBuild', deploy: 'CodeDeploy', approval: 'Manual',
};
/** The revision types a source provider takes in a source revision override (CodePipeline User Guide). */
const OVERRIDE_TYPES: Readonly<Record<string, readonly SourceRevisionOverride['revisionType'][]>> = {
  CodeStarSourceConnection: ['COMMIT_ID'],
  CodeCommit: ['COMMIT_ID'],
  GitHub: ['COMMIT_ID'],
  ECR: ['IMAGE_DIGEST'],
  S3: ['S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'],
};

export interface StoreOptions {
  readonly clock: Clock;
  /** How long each pipeline stage takes (and so a pipeline's deployment). */
  readonly stageDurationMs?: number;
  /** How long a deployment made with CreateDeployment or a stop's rollback takes. */
  readonly deploymentDurationMs?: number;
  /** Seed for ids, so that a scenario gives the same ids every run. */
  readonly seed?: number;
  /** Who the API caller is, as CodePipeline writes it into `trigger.triggerDetail`. */
  readonly callerArn?: string;
  readonly region?: string;
}

export interface PipelineSpec {
  readonly name: string;
  readonly pipelineType?: PipelineType;
  readonly executionMode?: ExecutionMode;
  /** Default: Source, Build, Deploy, each taking the store's stage duration. */
  readonly stages?: readonly (Pick<StageSpec, 'name' | 'kind'> & Partial<StageSpec>)[];
  readonly deploysTo?: DeploymentGroupKey;
  /** Without deploysTo, the deploy stage's action; default ECS, updating a service named after the pipeline. */
  readonly otherDeployAction?: OtherDeployAction;
  readonly repository?: string;
  readonly createdAt?: number;
}

export interface ApprovalAnswer {
  readonly status: 'Approved' | 'Rejected';
  readonly summary: string;
}

export interface StartOptions {
  readonly clientRequestToken?: string;
  /** When it started; default now. Earlier times make history (start history oldest first). */
  readonly at?: number;
  readonly trigger?: Trigger;
  readonly failAtStage?: string;
  /** StartPipelineExecution's sourceRevisions: what the named source actions fetch instead of their latest revision. */
  readonly sourceRevisions?: readonly SourceRevisionOverride[];
  /** How long each of its stages takes; default each stage's own duration (seeded history takes minutes). */
  readonly stageDurationMs?: number;
}

export interface DeploymentSpec extends DeploymentGroupKey {
  readonly revision: RevisionLocation;
  readonly description?: string;
  readonly creator?: DeploymentCreator;
  /** When it was created; default now. */
  readonly at?: number;
  readonly durationMs?: number;
  readonly outcome?: 'Succeeded' | 'Failed';
}

export class LocalAwsStore {
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Approval tokens come from a source of their own, so that pipelines with approvals leave every other id as it was. */
  private readonly approvalTokens: IdSource;
  readonly region: string;
  readonly callerArn: string;
  readonly stageDurationMs: number;
  readonly deploymentDurationMs: number;
  readonly alarms: LocalAlarms;
  private readonly pipelines = new Map<string, PipelineRecord>();
  private readonly applications = new Map<string, Map<string, DeploymentGroupRecord>>();
  private readonly deployments = new Map<string, DeploymentRecord>();
  /** Every commit made so far, by repository and id: what a source revision override can fetch. */
  private readonly commits = new Map<string, Map<string, SourceRevision>>();
  private readonly parameters = new Map<string, { type: 'String' | 'SecureString'; value: string; modifiedAt: number }>();

  constructor(options: StoreOptions) {
    this.clock = options.clock;
    this.ids = new IdSource(options.seed);
    this.approvalTokens = new IdSource((options.seed ?? 1) + 0x9e3779b9);
    this.region = options.region ?? 'us-east-1';
    this.callerArn = options.callerArn ?? DEFAULT_CALLER_ARN;
    this.stageDurationMs = options.stageDurationMs ?? DEFAULT_STAGE_DURATION_MS;
    this.deploymentDurationMs = options.deploymentDurationMs ?? this.stageDurationMs;
    this.alarms = new LocalAlarms(this.clock);
  }

  now(): number {
    return this.clock.now();
  }

  // ---- scenario set-up -------------------------------------------------------------------------------------------

  addPipeline(spec: PipelineSpec): PipelineRecord {
    const stages = (spec.stages ?? [
      { name: 'Source', kind: 'source' }, { name: 'Build', kind: 'build' }, { name: 'Deploy', kind: 'deploy' },
    ]).map((stage): StageSpec => ({
      name: stage.name,
      kind: stage.kind,
      actionName: stage.actionName ?? stage.name,
      provider: stage.provider ?? DEFAULT_PROVIDERS[stage.kind],
      durationMs: stage.durationMs ?? this.stageDurationMs,
      ...(stage.customData === undefined ? {} : { customData: stage.customData }),
    }));
    if (stages[0]?.kind !== 'source') throw new Error(`pipeline ${spec.name}: the first stage must be a source stage`);
    if (spec.deploysTo !== undefined) this.addDeploymentGroup(spec.deploysTo);
    const createdAt = spec.createdAt ?? this.now();
    const repository = spec.repository ?? `example-org/${spec.name}`;
    const pipeline: PipelineRecord = {
      name: spec.name,
      pipelineType: spec.pipelineType ?? 'V2',
      executionMode: spec.executionMode ?? 'SUPERSEDED',
      version: 1,
      stages,
      deploysTo: spec.deploysTo,
      otherDeployAction: spec.deploysTo === undefined
        ? spec.otherDeployAction ?? { provider: 'ECS', configuration: { ClusterName: 'main', ServiceName: spec.name } }
        : undefined,
      repository,
      head: this.commit(repository, stages[0].actionName, 'Initial commit'),
      createdAt,
      updatedAt: createdAt,
      executions: [],
      tokens: new Map(),
    };
    this.pipelines.set(spec.name, pipeline);
    return pipeline;
  }

  /** Adds the group (and its application) unless it exists; returns it either way. */
  addDeploymentGroup(key: DeploymentGroupKey): DeploymentGroupRecord {
    const groups = this.applications.get(key.application) ?? new Map<string, DeploymentGroupRecord>();
    this.applications.set(key.application, groups);
    const existing = groups.get(key.deploymentGroup);
    if (existing !== undefined) return existing;
    const group: DeploymentGroupRecord = { ...key, deploymentGroupId: this.ids.uuid(), deploymentIds: [] };
    groups.set(key.deploymentGroup, group);
    return group;
  }

  /** A new commit on the pipeline's source branch; the next start ships it. */
  pushCommit(pipelineName: string, summary: string, revisionId?: string): SourceRevision {
    const pipeline = this.pipeline(pipelineName);
    pipeline.head = this.commit(pipeline.repository, pipeline.stages[0]?.actionName ?? 'Source', summary, revisionId);
    return pipeline.head;
  }

  /** Changes the pipeline's structure version, which makes older executions unusable as rollback targets. */
  bumpPipelineVersion(pipelineName: string): void {
    const pipeline = this.pipeline(pipelineName);
    pipeline.version += 1;
    pipeline.updatedAt = this.now();
  }

  clearExecutionHistory(pipelineName: string): void {
    const pipeline = this.pipeline(pipelineName);
    pipeline.executions.splice(0);
    pipeline.tokens.clear();
  }

  clearDeploymentHistory(key: DeploymentGroupKey): void {
    const group = this.deploymentGroup(key.application, key.deploymentGroup);
    for (const id of group.deploymentIds) this.deployments.delete(id);
    group.deploymentIds.splice(0);
  }

  /** An SSM parameter, as `aws ssm put-parameter` would leave it. */
  putParameter(name: string, type: 'String' | 'SecureString', value: string): void {
    this.parameters.set(name, { type, value, modifiedAt: this.now() });
  }

  parameter(name: string): { type: 'String' | 'SecureString'; value: string; modifiedAt: number } | undefined {
    return this.parameters.get(name);
  }

  // ---- lookups that fail the way AWS does ----------------------------------------------------------------------

  pipeline(name: string): PipelineRecord {
    const pipeline = this.pipelines.get(name);
    if (pipeline === undefined) {
      throw new AwsServiceError('PipelineNotFoundException', `Account '${ACCOUNT_ID}' does not have a pipeline with name '${name}'`);
    }
    return pipeline;
  }

  pipelineNames(): string[] {
    return [...this.pipelines.keys()];
  }

  /** CodeDeploy application names, including those without deployment groups. */
  applicationNames(): string[] {
    return [...this.applications.keys()];
  }

  /** An application with no deployment group (yet); a no-op when it exists. */
  addApplication(name: string): void {
    if (!this.applications.has(name)) this.applications.set(name, new Map());
  }

  /** The deployment group names of an application; ApplicationDoesNotExistException when there is none. */
  deploymentGroupNames(application: string): string[] {
    const groups = this.applications.get(application);
    if (groups === undefined) throw new AwsServiceError('ApplicationDoesNotExistException', `No application found for name: ${application}`);
    return [...groups.keys()];
  }

  execution(pipeline: PipelineRecord, executionId: string): ExecutionRecord {
    const execution = pipeline.executions.find((e) => e.id === executionId);
    if (execution === undefined) {
      throw new AwsServiceError('PipelineExecutionNotFoundException',
        `Pipeline execution with id '${executionId}' does not exist in pipeline with name '${pipeline.name}' in account '${ACCOUNT_ID}'`);
    }
    return execution;
  }

  deploymentGroup(application: string, deploymentGroup: string): DeploymentGroupRecord {
    const groups = this.applications.get(application);
    if (groups === undefined) throw new AwsServiceError('ApplicationDoesNotExistException', `No application found for name: ${application}`);
    const group = groups.get(deploymentGroup);
    if (group === undefined) {
      throw new AwsServiceError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${deploymentGroup}`);
    }
    return group;
  }

  deployment(deploymentId: string): DeploymentRecord {
    const deployment = this.deployments.get(deploymentId);
    if (deployment === undefined) throw new AwsServiceError('DeploymentDoesNotExistException', `The deployment ${deploymentId} could not be found.`);
    return deployment;
  }

  findDeployment(deploymentId: string): DeploymentRecord | undefined {
    return this.deployments.get(deploymentId);
  }

  /** Deployments in creation order, of one group or of all. */
  deploymentsOf(group?: DeploymentGroupRecord): DeploymentRecord[] {
    const ids = group === undefined ? [...this.deployments.keys()] : group.deploymentIds;
    return ids.map((id) => this.deployment(id)).sort((a, b) => a.createdAt - b.createdAt);
  }

  // ---- time --------------------------------------------------------------------------------------------------

  /**
   * Brings derived records up to now: a pipeline whose deploy stage has begun gets its CodeDeploy deployment, created
   * at the moment the stage began. Every request calls this first, so effects happen in time order.
   */
  sync(): void {
    const now = this.now();
    for (;;) {
      let next: { pipeline: PipelineRecord; execution: ExecutionRecord; run: StageRun } | undefined;
      for (const pipeline of this.pipelines.values()) {
        if (pipeline.deploysTo === undefined) continue;
        for (const execution of pipeline.executions) {
          if (execution.deploymentId !== undefined || execution.deployError !== undefined) continue;
          const run = this.plan(execution).stages.find((stage) => stage.kind === 'deploy');
          if (run !== undefined && run.startedAt <= now && (next === undefined || run.startedAt < next.run.startedAt)) {
            next = { pipeline, execution, run };
          }
        }
      }
      if (next === undefined) break;
      this.runDeployAction(next.pipeline, next.execution, next.run);
    }
    this.openApprovals(now);
  }

  /** Gives every approval stage that has begun by `now` its request and token. */
  private openApprovals(now: number): void {
    for (const pipeline of this.pipelines.values()) {
      for (const execution of pipeline.executions) {
        // Planning every execution on every request made seeding quadratic (most of a dialog test's CPU): one whose
        // approval stages all hold their request already has nothing left to open.
        const unopened = execution.stageIndexes.some((index) => pipeline.stages[index]?.kind === 'approval' && !execution.approvals.has(index));
        if (!unopened) continue;
        for (const run of this.plan(execution).stages) {
          if (run.kind !== 'approval' || run.startedAt > now || execution.approvals.has(run.index)) continue;
          execution.approvals.set(run.index, { token: this.approvalTokens.uuid(), openedAt: run.startedAt });
        }
      }
    }
  }

  private runDeployAction(pipeline: PipelineRecord, execution: ExecutionRecord, run: StageRun): void {
    const key = pipeline.deploysTo as DeploymentGroupKey;
    const active = this.activeDeployment(this.addDeploymentGroup(key), run.startedAt);
    if (active !== undefined) {
      execution.deployError = `The Deployment Group '${key.deploymentGroup}' already has an active Deployment '${active.id}'`;
      return;
    }
    const spec = pipeline.stages[run.index] as StageSpec;
    execution.deploymentId = this.insertDeployment({
      ...key,
      revision: execution.artifact,
      creator: 'user',
      at: run.startedAt,
      durationMs: execution.stageDurationMs ?? spec.durationMs,
      outcome: execution.failAtStage === spec.name ? 'Failed' : 'Succeeded',
    }).id;
  }

  // ---- CodePipeline ---------------------------------------------------------------------------------------------

  /** StartPipelineExecution: idempotent by token; in SUPERSEDED mode a running older execution gives way. */
  startExecution(pipelineName: string, options: StartOptions = {}): ExecutionRecord {
    this.sync();
    const pipeline = this.pipeline(pipelineName);
    const token = options.clientRequestToken;
    const earlier = token === undefined ? undefined : pipeline.tokens.get(token);
    if (earlier !== undefined) return this.execution(pipeline, earlier);
    const at = options.at ?? this.now();
    const fetched = this.fetchSources(pipeline, options.sourceRevisions ?? []);
    if (pipeline.executionMode === 'SUPERSEDED') this.supersedeRunning(pipeline, at);
    const execution: ExecutionRecord = {
      id: this.ids.uuid(),
      pipelineName,
      pipelineVersion: pipeline.version,
      executionType: 'STANDARD',
      startedAt: at,
      trigger: options.trigger ?? { triggerType: 'StartPipelineExecution', triggerDetail: this.callerArn },
      sourceRevisions: [fetched.revision],
      artifact: this.artifact(pipeline),
      stageIndexes: pipeline.stages.map((_, index) => index),
      failAtStage: fetched.unknown ? pipeline.stages[0]?.name : options.failAtStage,
      approvals: new Map(),
      stageDurationMs: options.stageDurationMs,
    };
    pipeline.executions.push(execution);
    if (token !== undefined) pipeline.tokens.set(token, execution.id);
    return execution;
  }

  /**
   * What the source stage fetches: the newest commit, or the one a source revision override names. The override is
   * checked as CodePipeline checks it before starting anything (the action exists, is a source action, and the
   * revision type fits its provider); a commit the repository does not have starts an execution that fails in its
   * source stage, as the source action would.
   */
  private fetchSources(pipeline: PipelineRecord, overrides: readonly SourceRevisionOverride[]): { revision: SourceRevision; unknown: boolean } {
    const invalid = (message: string) => new AwsServiceError('ValidationException', message);
    const seen = new Set<string>();
    for (const override of overrides) {
      if (seen.has(override.actionName)) throw invalid(`Source revision override for action '${override.actionName}' is specified more than once`);
      seen.add(override.actionName);
      const stage = pipeline.stages.find((s) => s.actionName === override.actionName);
      if (stage === undefined) throw invalid(`Action '${override.actionName}' does not exist in pipeline '${pipeline.name}'`);
      if (stage.kind !== 'source') throw invalid(`Action '${override.actionName}' is not a source action; only source actions take a source revision override`);
      if (!(OVERRIDE_TYPES[stage.provider] ?? []).includes(override.revisionType)) {
        throw invalid(`Revision type '${override.revisionType}' is not valid for source action '${override.actionName}' with provider '${stage.provider}'`);
      }
    }
    const override = overrides.find((o) => o.actionName === pipeline.head.actionName);
    if (override === undefined) return { revision: pipeline.head, unknown: false };
    const known = this.commits.get(pipeline.repository)?.get(override.revisionValue);
    return known === undefined
      ? { revision: { actionName: override.actionName, revisionId: override.revisionValue, revisionSummary: '', revisionUrl: '' }, unknown: true }
      : { revision: { ...known, actionName: override.actionName }, unknown: false };
  }

  private supersedeRunning(pipeline: PipelineRecord, at: number): void {
    for (const older of pipeline.executions) {
      if (older.executionType !== 'STANDARD' || older.startedAt > at) continue;
      const view = this.view(older, at);
      const current = view.stages.at(-1);
      if (view.status !== 'InProgress' || current === undefined) continue;
      if (current.index !== older.stageIndexes.at(-1)) older.supersedeAfterStage = current.index;
    }
  }

  /** RollbackStage, with the V2 rules: not the source stage, a target that succeeded there and is no rollback. */
  rollbackStage(pipelineName: string, stageName: string, targetExecutionId: string): ExecutionRecord {
    this.sync();
    const pipeline = this.pipeline(pipelineName);
    const unable = (why: string) => new AwsServiceError('UnableToRollbackStageException', why);
    if (pipeline.pipelineType !== 'V2') throw unable(`Pipeline '${pipelineName}' is not a V2 pipeline`);
    if (pipeline.executionMode === 'PARALLEL') throw unable('Rollback is not supported for pipelines in PARALLEL execution mode');
    const index = pipeline.stages.findIndex((stage) => stage.name === stageName);
    const stage = pipeline.stages[index];
    if (stage === undefined) {
      throw new AwsServiceError('StageNotFoundException', `Stage '${stageName}' not found in pipeline '${pipelineName}'`);
    }
    if (stage.kind === 'source') throw unable(`Stage '${stageName}' is a source stage and cannot be rolled back`);
    const target = this.execution(pipeline, targetExecutionId);
    if (target.executionType === 'ROLLBACK') throw unable(`Target pipeline execution '${target.id}' is a rollback execution`);
    if (target.pipelineVersion !== pipeline.version) {
      throw new AwsServiceError('PipelineExecutionOutdatedException',
        `Target pipeline execution '${target.id}' ran on pipeline version ${target.pipelineVersion}, not the current version ${pipeline.version}`);
    }
    const succeeded = this.view(target).stages.some((run) => run.index === index && run.status === 'Succeeded');
    if (!succeeded) throw unable(`Target pipeline execution '${target.id}' did not succeed in stage '${stageName}'`);
    const running = pipeline.executions.some((e) => this.view(e).stages.some((run) => run.index === index && run.endedAt === undefined));
    if (running) throw unable(`Stage '${stageName}' is currently running`);
    const execution: ExecutionRecord = {
      id: this.ids.uuid(),
      pipelineName,
      pipelineVersion: pipeline.version,
      executionType: 'ROLLBACK',
      startedAt: this.now(),
      trigger: { triggerType: 'ManualRollback', triggerDetail: this.callerArn },
      sourceRevisions: target.sourceRevisions,
      artifact: target.artifact,
      stageIndexes: [index],
      rollbackTargetId: target.id,
      approvals: new Map(),
    };
    pipeline.executions.push(execution);
    return execution;
  }

  /**
   * PutApprovalResult, with CodePipeline's rules: the stage and action must exist, the token must be one this action
   * handed out, and its request must still wait (not answered, not expired) at `at` (default now). `by` is who answers
   * (default the API caller). Returns when the answer was recorded.
   */
  putApprovalResult(
    pipelineName: string, stageName: string, actionName: string, token: string, answer: ApprovalAnswer,
    { at = this.now(), by = this.callerArn }: { at?: number; by?: string } = {},
  ): number {
    this.sync();
    const pipeline = this.pipeline(pipelineName);
    const index = pipeline.stages.findIndex((stage) => stage.name === stageName);
    const stage = pipeline.stages[index];
    if (stage === undefined) {
      throw new AwsServiceError('StageNotFoundException', `Stage '${stageName}' not found in pipeline '${pipelineName}'`);
    }
    if (stage.actionName !== actionName) {
      throw new AwsServiceError('ActionNotFoundException', `Action '${actionName}' not found in stage '${stageName}' of pipeline '${pipelineName}'`);
    }
    // A token this action never handed out (or an action that is no approval, which hands out none).
    const execution = stage.kind === 'approval' ? pipeline.executions.find((e) => e.approvals.get(index)?.token === token) : undefined;
    const request = execution?.approvals.get(index);
    if (execution === undefined || request === undefined) {
      throw new AwsServiceError('InvalidApprovalTokenException', `The approval token is not valid for action '${actionName}' in stage '${stageName}'`);
    }
    const run = this.view(execution, at).stages.find((r) => r.index === index);
    if (request.answer !== undefined || run?.status !== 'InProgress') {
      throw new AwsServiceError('ApprovalAlreadyCompletedException', `The approval request for action '${actionName}' in stage '${stageName}' is already completed`);
    }
    request.answer = { ...answer, at, by };
    return at;
  }

  /** Scenario set-up: every approval request of the pipeline still waiting gets `answer` from `by`, the moment it opened. */
  answerWaitingApprovals(pipelineName: string, answer: ApprovalAnswer, by: string = this.callerArn): void {
    this.sync();
    const pipeline = this.pipeline(pipelineName);
    for (const execution of pipeline.executions) {
      for (const [index, request] of execution.approvals) {
        const stage = pipeline.stages[index] as StageSpec;
        if (request.answer === undefined) this.putApprovalResult(pipelineName, stage.name, stage.actionName, request.token, answer, { at: request.openedAt, by });
      }
    }
  }

  /**
   * How the execution runs to its end, given what is known now: each stage takes its duration, except a deploy stage
   * with a deployment, which ends when the deployment does and fails unless it succeeded.
   */
  plan(execution: ExecutionRecord): { stages: StageRun[]; endedAt: number; status: 'Succeeded' | 'Failed' | 'Superseded'; summary?: string } {
    const pipeline = this.pipeline(execution.pipelineName);
    const stages: StageRun[] = [];
    let cursor = execution.startedAt;
    for (const [position, index] of execution.stageIndexes.entries()) {
      const spec = pipeline.stages[index] as StageSpec;
      let endedAt = cursor + (execution.stageDurationMs ?? spec.durationMs);
      let status: StageRun['status'] = execution.failAtStage === spec.name ? 'Failed' : 'Succeeded';
      let message = status === 'Failed' ? `Action ${spec.actionName} failed` : undefined;
      if (spec.kind === 'approval') {
        // Waits for its answer, or fails when nobody answers in time.
        const answer = execution.approvals.get(index)?.answer;
        endedAt = answer === undefined ? cursor + APPROVAL_TIMEOUT_MS : answer.at;
        status = answer?.status === 'Approved' ? 'Succeeded' : 'Failed';
        message = answer === undefined ? 'The approval request expired' : answer.status === 'Rejected' ? `Rejected: ${answer.summary}` : undefined;
      } else if (spec.kind === 'deploy' && execution.deployError !== undefined) {
        [endedAt, status, message] = [cursor, 'Failed', execution.deployError];
      } else if (spec.kind === 'deploy' && execution.deploymentId !== undefined) {
        const deployment = this.deployment(execution.deploymentId);
        endedAt = deployment.stoppedAt ?? deployment.completeAt;
        const outcome = deployment.stoppedAt === undefined ? deployment.outcome : 'Stopped';
        status = outcome === 'Succeeded' ? 'Succeeded' : 'Failed';
        message = outcome === 'Succeeded' ? undefined : `Deployment ${deployment.id} ${outcome === 'Stopped' ? 'was stopped' : 'failed'}`;
      }
      // Written out rather than spread from a shared base: V8 copied the spread on a slow path, and the plans of a
      // seeded history (thousands per local AWS) made this line a tenth of a dialog test's CPU.
      stages.push({
        index, name: spec.name, kind: spec.kind, actionName: spec.actionName, startedAt: cursor,
        endedAt, status, actionStatus: status === 'Succeeded' ? 'Succeeded' : 'Failed', message,
      });
      if (status === 'Failed') return { stages, endedAt, status: 'Failed', summary: message };
      const last = position === execution.stageIndexes.length - 1;
      if (!last && execution.supersedeAfterStage === index) {
        return { stages, endedAt, status: 'Superseded', summary: 'Superseded by a newer pipeline execution' };
      }
      cursor = endedAt;
    }
    return { stages, endedAt: cursor, status: 'Succeeded' };
  }

  /** The execution as it stands at `at` (default now). */
  view(execution: ExecutionRecord, at: number = this.now()): ExecutionView {
    const plan = this.plan(execution);
    const events = [execution.startedAt];
    const stages = plan.stages.filter((run) => run.startedAt <= at).map((run): StageView => {
      if (run.endedAt <= at) {
        events.push(run.endedAt);
        return {
          index: run.index, name: run.name, kind: run.kind, actionName: run.actionName, startedAt: run.startedAt,
          endedAt: run.endedAt, status: run.status, actionStatus: run.actionStatus, message: run.message, lastChangeAt: run.endedAt,
        };
      }
      events.push(run.startedAt);
      return {
        index: run.index, name: run.name, kind: run.kind, actionName: run.actionName, startedAt: run.startedAt,
        status: 'InProgress', actionStatus: 'InProgress', lastChangeAt: run.startedAt,
      };
    });
    const ended = at >= plan.endedAt;
    return {
      status: ended ? plan.status : 'InProgress',
      summary: ended ? plan.summary : undefined,
      lastUpdatedAt: Math.max(...events),
      stages,
    };
  }

  // ---- CodeDeploy -----------------------------------------------------------------------------------------------

  deploymentStatus(deployment: DeploymentRecord, at: number = this.now()): DeploymentStatus {
    if (deployment.stoppedAt !== undefined && at >= deployment.stoppedAt) return 'Stopped';
    if (at < deployment.startAt) return 'Created';
    if (at < deployment.completeAt) return 'InProgress';
    return deployment.outcome;
  }

  /** When it finished, if it has by `at`. */
  deploymentEnd(deployment: DeploymentRecord, at: number = this.now()): number | undefined {
    if (deployment.stoppedAt !== undefined && at >= deployment.stoppedAt) return deployment.stoppedAt;
    return at >= deployment.completeAt ? deployment.completeAt : undefined;
  }

  activeDeployment(group: DeploymentGroupRecord, at: number = this.now()): DeploymentRecord | undefined {
    return this.deploymentsOf(group).find((d) => d.createdAt <= at && ACTIVE_DEPLOYMENT.includes(this.deploymentStatus(d, at)));
  }

  lastSucceeded(group: DeploymentGroupRecord, at: number = this.now()): DeploymentRecord | undefined {
    return this.deploymentsOf(group).filter((d) => d.createdAt <= at && this.deploymentStatus(d, at) === 'Succeeded').at(-1);
  }

  /** CreateDeployment: one active deployment per group, as CodeDeploy allows. */
  createDeployment(spec: DeploymentSpec): DeploymentRecord {
    this.sync();
    const group = this.deploymentGroup(spec.application, spec.deploymentGroup);
    const at = spec.at ?? this.now();
    const active = this.activeDeployment(group, at);
    if (active !== undefined) {
      throw new AwsServiceError('DeploymentLimitExceededException',
        `The Deployment Group '${group.deploymentGroup}' already has an active Deployment '${active.id}'`);
    }
    return this.insertDeployment({ ...spec, at });
  }

  /** StopDeployment; with `autoRollback`, CodeDeploy deploys the previous revision again in a deployment of its own. */
  stopDeployment(deploymentId: string, autoRollback: boolean): { status: 'Pending'; statusMessage: string } {
    this.sync();
    const deployment = this.deployment(deploymentId);
    if (!ACTIVE_DEPLOYMENT.includes(this.deploymentStatus(deployment))) {
      throw new AwsServiceError('DeploymentAlreadyCompletedException', `Deployment ${deploymentId} has already completed.`);
    }
    deployment.stoppedAt = this.now();
    if (autoRollback) {
      const previous = deployment.previousRevision;
      if (previous === undefined) {
        deployment.rollbackInfo = { rollbackMessage: 'No previous successful deployment found to roll back to.' };
      } else {
        const rollback = this.insertDeployment({
          application: deployment.application,
          deploymentGroup: deployment.deploymentGroup,
          revision: previous,
          creator: 'codeDeployRollback',
          rollbackInfo: { rollbackTriggeringDeploymentId: deployment.id, rollbackMessage: `Rollback of deployment ${deployment.id}` },
        });
        deployment.rollbackInfo = {
          rollbackDeploymentId: rollback.id,
          rollbackMessage: `Deployment ${deployment.id} was stopped and is being rolled back by deployment ${rollback.id}`,
        };
      }
    }
    return { status: 'Pending', statusMessage: 'Stopping Pending. Stopping to schedule commands in the deployment instances' };
  }

  private insertDeployment(spec: DeploymentSpec & { rollbackInfo?: DeploymentRecord['rollbackInfo'] }): DeploymentRecord {
    const group = this.addDeploymentGroup(spec);
    const createdAt = spec.at ?? this.now();
    const durationMs = spec.durationMs ?? this.deploymentDurationMs;
    const deployment: DeploymentRecord = {
      id: this.ids.deploymentId(),
      application: spec.application,
      deploymentGroup: spec.deploymentGroup,
      revision: spec.revision,
      previousRevision: this.lastSucceeded(group, createdAt)?.revision,
      creator: spec.creator ?? 'user',
      description: spec.description,
      createdAt,
      // A deployment sits in Created for a fifth of its time, then runs.
      startAt: createdAt + Math.round(durationMs / 5),
      completeAt: createdAt + durationMs,
      outcome: spec.outcome ?? 'Succeeded',
      rollbackInfo: spec.rollbackInfo,
    };
    this.deployments.set(deployment.id, deployment);
    group.deploymentIds.push(deployment.id);
    return deployment;
  }

  // ---- made-up source and artifacts --------------------------------------------------------------------------

  private commit(repository: string, actionName: string, summary: string, revisionId = this.ids.commitId()): SourceRevision {
    const revision = { actionName, revisionId, revisionSummary: summary, revisionUrl: `https://github.com/${repository}/commit/${revisionId}` };
    const known = this.commits.get(repository) ?? new Map<string, SourceRevision>();
    this.commits.set(repository, known);
    known.set(revisionId, revision);
    return revision;
  }

  private artifact(pipeline: PipelineRecord): RevisionLocation {
    return {
      revisionType: 'S3',
      s3Location: {
        bucket: `codepipeline-${this.region}-${ACCOUNT_ID}`,
        // CodePipeline truncates the pipeline name to 20 characters in artifact keys.
        key: `${pipeline.name.slice(0, 20)}/BuildArtif/${this.ids.artifactSuffix()}`,
        bundleType: 'zip',
        eTag: this.ids.hex(32),
      },
    };
  }
}
