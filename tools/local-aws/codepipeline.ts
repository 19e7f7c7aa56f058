import type { ExecutionRecord, PipelineRecord, SourceRevisionOverride, StageSpec, StageView } from './model';
import { ACCOUNT_ID, type LocalAwsStore } from './store';
import { AwsServiceError, decodeToken, encodeToken, type Input, optionalString, requiredString, toEpochSeconds as s } from './wire';

/** The CodePipeline operations the stand-in answers, in the shapes of the CodePipeline API reference. */

export type Operation = (store: LocalAwsStore, input: Input) => unknown;

const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;
const CLIENT_REQUEST_TOKEN = /^[a-zA-Z0-9-]{1,128}$/;
const ACTION_NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;
const REVISION_TYPES: readonly string[] = ['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'];
/** SourceRevisionOverrideList's limit in the API reference. */
const MAX_SOURCE_REVISIONS = 50;

/** StartPipelineExecution's sourceRevisions, checked against the API reference's constraints. */
function sourceRevisionsOf(input: Input): SourceRevisionOverride[] | undefined {
  const raw = input.sourceRevisions;
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw new AwsServiceError('SerializationException', "'sourceRevisions' must be a list");
  const invalid = (message: string) => new AwsServiceError('ValidationException', `1 validation error detected: ${message}`);
  if (raw.length > MAX_SOURCE_REVISIONS) {
    throw invalid(`Value at 'sourceRevisions' failed to satisfy constraint: Member must have length less than or equal to ${MAX_SOURCE_REVISIONS}`);
  }
  return raw.map((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) throw new AwsServiceError('SerializationException', `'sourceRevisions.${i + 1}.member' must be an object`);
    const member = item as Input;
    const at = (field: string) => `sourceRevisions.${i + 1}.member.${field}`;
    const actionName = requiredString(member, 'actionName', 'ValidationException', `1 validation error detected: Value null at '${at('actionName')}' failed to satisfy constraint: Member must not be null`);
    const revisionType = requiredString(member, 'revisionType', 'ValidationException', `1 validation error detected: Value null at '${at('revisionType')}' failed to satisfy constraint: Member must not be null`);
    const revisionValue = requiredString(member, 'revisionValue', 'ValidationException', `1 validation error detected: Value null at '${at('revisionValue')}' failed to satisfy constraint: Member must not be null`);
    if (!ACTION_NAME.test(actionName)) throw invalid(`Value '${actionName}' at '${at('actionName')}' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+`);
    if (!REVISION_TYPES.includes(revisionType)) {
      throw invalid(`Value '${revisionType}' at '${at('revisionType')}' failed to satisfy constraint: Member must satisfy enum value set: [${REVISION_TYPES.join(', ')}]`);
    }
    if (revisionValue.length > 1500) throw invalid(`Value at '${at('revisionValue')}' failed to satisfy constraint: Member must have length less than or equal to 1500`);
    return { actionName, revisionType: revisionType as SourceRevisionOverride['revisionType'], revisionValue };
  });
}
const STAGE_OR_ACTION_NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;
const APPROVAL_TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_APPROVAL_SUMMARY_LENGTH = 512;

function pipelineName(input: Input, member: string): string {
  const name = requiredString(input, member);
  if (!PIPELINE_NAME.test(name)) {
    throw new AwsServiceError('ValidationException',
      `1 validation error detected: Value '${name}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+`);
  }
  return name;
}

/** A stage or action name member, checked as the CodePipeline API checks it. */
function partName(input: Input, member: string): string {
  const name = requiredString(input, member);
  if (!STAGE_OR_ACTION_NAME.test(name)) {
    throw new AwsServiceError('ValidationException',
      `1 validation error detected: Value '${name}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+`);
  }
  return name;
}

/** PutApprovalResult's `result`: a status of Approved or Rejected, and a summary of at most 512 characters. */
function approvalResult(input: Input): { status: 'Approved' | 'Rejected'; summary: string } {
  const result = input.result;
  const invalid = (what: string) => new AwsServiceError('ValidationException', `1 validation error detected: ${what}`);
  if (result === undefined || result === null) throw invalid("Value null at 'result' failed to satisfy constraint: Member must not be null");
  if (typeof result !== 'object' || Array.isArray(result)) throw new AwsServiceError('SerializationException', "'result' must be an object");
  const { status, summary } = result as Input;
  if (status === undefined || status === null) throw invalid("Value null at 'result.status' failed to satisfy constraint: Member must not be null");
  if (status !== 'Approved' && status !== 'Rejected') {
    throw invalid(`Value '${String(status)}' at 'result.status' failed to satisfy constraint: Member must satisfy enum value set: [Approved, Rejected]`);
  }
  if (summary === undefined || summary === null) throw invalid("Value null at 'result.summary' failed to satisfy constraint: Member must not be null");
  if (typeof summary !== 'string') throw new AwsServiceError('SerializationException', "'result.summary' must be a string");
  if (summary.length > MAX_APPROVAL_SUMMARY_LENGTH) {
    throw invalid(`Value at 'result.summary' failed to satisfy constraint: Member must have length less than or equal to ${MAX_APPROVAL_SUMMARY_LENGTH}`);
  }
  return { status, summary };
}

function executionSummary(store: LocalAwsStore, pipeline: PipelineRecord, execution: ExecutionRecord) {
  const view = store.view(execution);
  return {
    pipelineExecutionId: execution.id,
    status: view.status,
    statusSummary: view.summary,
    startTime: s(execution.startedAt),
    lastUpdateTime: s(view.lastUpdatedAt),
    sourceRevisions: execution.sourceRevisions,
    trigger: execution.trigger,
    executionMode: pipeline.executionMode,
    executionType: execution.executionType,
    rollbackMetadata: execution.rollbackTargetId === undefined ? undefined : { rollbackTargetPipelineExecutionId: execution.rollbackTargetId },
  };
}

/** A stable made-up action execution id, so repeated GetPipelineState calls agree. */
function actionExecutionId(execution: ExecutionRecord, stageIndex: number): string {
  return `${execution.id.slice(0, 24)}${stageIndex.toString(16).padStart(12, '0')}`;
}

function actionExecution(store: LocalAwsStore, pipeline: PipelineRecord, execution: ExecutionRecord, run: StageView) {
  const revision = execution.sourceRevisions[0];
  const deploymentId = run.kind === 'deploy' ? execution.deploymentId : undefined;
  const approval = run.kind === 'approval' ? execution.approvals.get(run.index) : undefined;
  return {
    actionExecutionId: actionExecutionId(execution, run.index),
    status: run.actionStatus,
    // An open approval request shows its token, except in PARALLEL mode, where CodePipeline does not.
    token: approval !== undefined && run.actionStatus === 'InProgress' && pipeline.executionMode !== 'PARALLEL' ? approval.token : undefined,
    lastUpdatedBy: approval?.answer?.by,
    summary: run.kind === 'source' ? revision?.revisionSummary : run.kind === 'approval' ? approval?.answer?.summary : run.message,
    lastStatusChange: s(run.lastChangeAt),
    externalExecutionId: run.kind === 'source' ? revision?.revisionId : deploymentId,
    externalExecutionUrl: deploymentId === undefined
      ? undefined
      : `https://console.aws.amazon.com/codedeploy/home?region=${store.region}#/deployments/${deploymentId}`,
    errorDetails: run.actionStatus === 'Failed' ? { code: 'JobFailed', message: run.message } : undefined,
  };
}

function stageState(store: LocalAwsStore, pipeline: PipelineRecord, index: number) {
  const stage = pipeline.stages[index];
  let latest: { execution: ExecutionRecord; run: StageView } | undefined;
  for (const execution of pipeline.executions) {
    const run = store.view(execution).stages.find((r) => r.index === index);
    if (run !== undefined && (latest === undefined || run.startedAt >= latest.run.startedAt)) latest = { execution, run };
  }
  const head = latest?.execution.sourceRevisions[0];
  return {
    stageName: stage?.name,
    inboundTransitionState: index === 0 ? undefined : { enabled: true },
    actionStates: [{
      actionName: stage?.actionName,
      currentRevision: stage?.kind === 'source' && head !== undefined && latest !== undefined
        ? { revisionId: head.revisionId, revisionChangeId: head.revisionId, created: s(latest.run.startedAt) }
        : undefined,
      latestExecution: latest === undefined ? undefined : actionExecution(store, pipeline, latest.execution, latest.run),
      revisionUrl: stage?.kind === 'source' ? head?.revisionUrl : undefined,
    }],
    latestExecution: latest === undefined
      ? undefined
      : { pipelineExecutionId: latest.execution.id, status: latest.run.status, type: latest.execution.executionType },
  };
}

/** ListPipelines answers at most this many per page unless asked for fewer: AWS promises no page size, and a small one catches a caller that ignores nextToken. */
export const LIST_PIPELINES_PAGE_SIZE = 5;

const ACTION_TYPE = (category: string, provider: string) => ({ category, owner: 'AWS', provider, version: '1' });

/** One stage's action, as GetPipeline declares it: the source, build and deploy actions a console-made pipeline has. */
function actionDeclaration(store: LocalAwsStore, pipeline: PipelineRecord, stage: StageSpec) {
  const base = { name: stage.actionName, runOrder: 1 };
  switch (stage.kind) {
    case 'source':
      return {
        ...base,
        actionTypeId: ACTION_TYPE('Source', stage.provider),
        configuration: {
          ConnectionArn: `arn:aws:codeconnections:${store.region}:${ACCOUNT_ID}:connection/0c0ffee0-0000-4000-8000-000000000000`,
          FullRepositoryId: pipeline.repository, BranchName: 'main', OutputArtifactFormat: 'CODE_ZIP',
        },
        outputArtifacts: [{ name: 'SourceArtifact' }],
        inputArtifacts: [],
        namespace: 'SourceVariables',
      };
    case 'build':
      return {
        ...base,
        actionTypeId: ACTION_TYPE('Build', stage.provider),
        configuration: { ProjectName: pipeline.name },
        outputArtifacts: [{ name: 'BuildArtifact' }],
        inputArtifacts: [{ name: 'SourceArtifact' }],
      };
    case 'approval':
      return {
        ...base,
        actionTypeId: ACTION_TYPE('Approval', 'Manual'),
        configuration: stage.customData === undefined ? {} : { CustomData: stage.customData },
        outputArtifacts: [],
        inputArtifacts: [],
      };
    default: {
      const codeDeploy = pipeline.deploysTo;
      return {
        ...base,
        actionTypeId: ACTION_TYPE('Deploy', codeDeploy === undefined ? pipeline.otherDeployAction?.provider ?? 'ECS' : 'CodeDeploy'),
        configuration: codeDeploy === undefined
          ? { ...pipeline.otherDeployAction?.configuration }
          : { ApplicationName: codeDeploy.application, DeploymentGroupName: codeDeploy.deploymentGroup },
        outputArtifacts: [],
        inputArtifacts: [{ name: 'BuildArtifact' }],
      };
    }
  }
}

function pipelineSummary(pipeline: PipelineRecord) {
  return {
    name: pipeline.name, version: pipeline.version, pipelineType: pipeline.pipelineType, executionMode: pipeline.executionMode,
    created: s(pipeline.createdAt), updated: s(pipeline.updatedAt),
  };
}

export const codePipelineOperations: Readonly<Record<string, Operation>> = {
  ListPipelines(store, input) {
    const maxResults = input.maxResults ?? LIST_PIPELINES_PAGE_SIZE;
    if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
      throw new AwsServiceError('ValidationException',
        `1 validation error detected: Value '${String(maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000`);
    }
    const pageSize = Math.min(maxResults, LIST_PIPELINES_PAGE_SIZE);
    const offset = decodeToken(optionalString(input, 'nextToken'));
    const names = store.pipelineNames().sort();
    const more = offset + pageSize < names.length;
    return {
      pipelines: names.slice(offset, offset + pageSize).map((name) => pipelineSummary(store.pipeline(name))),
      nextToken: more ? encodeToken(offset + pageSize) : undefined,
    };
  },

  GetPipeline(store, input) {
    const pipeline = store.pipeline(pipelineName(input, 'name'));
    const version = input.version;
    if (version !== undefined && version !== null) {
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new AwsServiceError('ValidationException',
          `1 validation error detected: Value '${String(version)}' at 'version' failed to satisfy constraint: Member must have value greater than or equal to 1`);
      }
      if (version !== pipeline.version) {
        throw new AwsServiceError('PipelineVersionNotFoundException', `Pipeline version ${version} of pipeline '${pipeline.name}' not found`);
      }
    }
    return {
      pipeline: {
        name: pipeline.name,
        roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AWSCodePipelineServiceRole-${store.region}-${pipeline.name}`.slice(0, 1024),
        artifactStore: { type: 'S3', location: `codepipeline-${store.region}-${ACCOUNT_ID}` },
        stages: pipeline.stages.map((stage) => ({ name: stage.name, actions: [actionDeclaration(store, pipeline, stage)] })),
        version: pipeline.version,
        executionMode: pipeline.executionMode,
        pipelineType: pipeline.pipelineType,
      },
      metadata: {
        pipelineArn: `arn:aws:codepipeline:${store.region}:${ACCOUNT_ID}:${pipeline.name}`,
        created: s(pipeline.createdAt),
        updated: s(pipeline.updatedAt),
      },
    };
  },
  GetPipelineState(store, input) {
    const pipeline = store.pipeline(pipelineName(input, 'name'));
    return {
      pipelineName: pipeline.name,
      pipelineVersion: pipeline.version,
      stageStates: pipeline.stages.map((_, index) => stageState(store, pipeline, index)),
      created: s(pipeline.createdAt),
      updated: s(pipeline.updatedAt),
    };
  },

  ListPipelineExecutions(store, input) {
    const pipeline = store.pipeline(pipelineName(input, 'pipelineName'));
    const maxResults = input.maxResults ?? 100;
    if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
      throw new AwsServiceError('ValidationException',
        `1 validation error detected: Value '${String(maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
    }
    const offset = decodeToken(optionalString(input, 'nextToken'));
    const newestFirst = [...pipeline.executions].sort((a, b) => b.startedAt - a.startedAt);
    const page = newestFirst.slice(offset, offset + maxResults);
    const more = offset + maxResults < newestFirst.length;
    return {
      pipelineExecutionSummaries: page.map((execution) => executionSummary(store, pipeline, execution)),
      nextToken: more ? encodeToken(offset + maxResults) : undefined,
    };
  },

  GetPipelineExecution(store, input) {
    const pipeline = store.pipeline(pipelineName(input, 'pipelineName'));
    const execution = store.execution(pipeline, requiredString(input, 'pipelineExecutionId'));
    const view = store.view(execution);
    return {
      pipelineExecution: {
        pipelineName: pipeline.name,
        pipelineVersion: execution.pipelineVersion,
        pipelineExecutionId: execution.id,
        status: view.status,
        statusSummary: view.summary,
        artifactRevisions: execution.sourceRevisions.map((revision) => ({
          name: 'SourceArtifact',
          revisionId: revision.revisionId,
          revisionSummary: revision.revisionSummary,
          created: s(execution.startedAt),
          revisionUrl: revision.revisionUrl,
        })),
        trigger: execution.trigger,
        executionMode: pipeline.executionMode,
        executionType: execution.executionType,
        rollbackMetadata: execution.rollbackTargetId === undefined ? undefined : { rollbackTargetPipelineExecutionId: execution.rollbackTargetId },
      },
    };
  },

  StartPipelineExecution(store, input) {
    const name = pipelineName(input, 'name');
    const clientRequestToken = optionalString(input, 'clientRequestToken');
    if (clientRequestToken !== undefined && !CLIENT_REQUEST_TOKEN.test(clientRequestToken)) {
      throw new AwsServiceError('ValidationException',
        "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-]+$");
    }
    const sourceRevisions = sourceRevisionsOf(input);
    return { pipelineExecutionId: store.startExecution(name, { clientRequestToken, sourceRevisions }).id };
  },

  PutApprovalResult(store, input) {
    // Every member is checked before the pipeline is looked up, as AWS validates a request before it acts on it.
    const name = pipelineName(input, 'pipelineName');
    const stageName = partName(input, 'stageName');
    const actionName = partName(input, 'actionName');
    const result = approvalResult(input);
    const token = requiredString(input, 'token');
    if (!APPROVAL_TOKEN.test(token)) {
      throw new AwsServiceError('ValidationException',
        "1 validation error detected: Value at 'token' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
    return { approvedAt: s(store.putApprovalResult(name, stageName, actionName, token, result)) };
  },

  RollbackStage(store, input) {
    const name = pipelineName(input, 'pipelineName');
    const stageName = requiredString(input, 'stageName');
    const target = requiredString(input, 'targetPipelineExecutionId');
    return { pipelineExecutionId: store.rollbackStage(name, stageName, target).id };
  },
};

/** The error a "notFound" fault answers with. */
export function codePipelineNotFound(operation: string): AwsServiceError {
  return operation === 'GetPipelineExecution'
    ? new AwsServiceError('PipelineExecutionNotFoundException', 'Pipeline execution not found (injected fault)')
    : new AwsServiceError('PipelineNotFoundException', `Account '${ACCOUNT_ID}' does not have that pipeline (injected fault)`);
}
