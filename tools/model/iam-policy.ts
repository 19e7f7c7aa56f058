import type { Config, EnvironmentConfig } from '../../lambda/src/config/schema';

/**
 * The Lambda role's release permissions, derived from the config so that the skill can touch the configured
 * pipelines and deployment groups and nothing else. Actions and resource types follow the AWS Service
 * Authorization Reference for CodePipeline and CodeDeploy.
 */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  /** `!Sub` strings (they hold `${AWS::Partition}` and `${AWS::AccountId}`), or '*' where AWS allows nothing else. */
  readonly Resource: readonly string[];
}

/*
 * Only actions the adapters send, and the dependent actions IAM checks for them (DEPENDENT_ACTIONS):
 * tests/unit/infrastructure/least-privilege.test.ts compares these with the SDK commands in lambda/src.
 */
export const PIPELINE_ACTIONS = [
  'codepipeline:GetPipelineState',
  'codepipeline:ListPipelineExecutions',
  'codepipeline:StartPipelineExecution',
] as const;

/** GetPipeline reads the source actions of a pipeline that promotes from another environment (promoteFrom). */
export const PROMOTED_PIPELINE_ACTIONS = ['codepipeline:GetPipeline'] as const;

/**
 * DescribeAlarms for environments with alarms. Granted on '*': the API reference says that composite alarms come back
 * only to a cloudwatch:DescribeAlarms permission scoped to '*', and the config does not say which alarms are
 * composite. It only reads alarm states.
 */
export const ALARM_ACTIONS = ['cloudwatch:DescribeAlarms'] as const;

/** RollbackStage is authorized on the stage (`<pipeline>/<stage>`), not on the pipeline. */
export const STAGE_ACTIONS = ['codepipeline:RollbackStage'] as const;

/**
 * Answering manual approvals, only for environments whose config sets `approvals`: the pipeline's declaration tells
 * approval actions apart and says what they ask (GetPipeline, on the pipeline), and PutApprovalResult is authorized on
 * the approval action (`<pipeline>/<stage>/<action>`), named when the config names it, else any in that pipeline.
 */
export const APPROVAL_PIPELINE_ACTIONS = ['codepipeline:GetPipeline'] as const;
export const APPROVAL_ACTIONS = ['codepipeline:PutApprovalResult'] as const;

export const DEPLOYMENT_GROUP_ACTIONS = [
  'codedeploy:BatchGetDeployments',
  'codedeploy:CreateDeployment',
  'codedeploy:GetDeploymentGroup',
  'codedeploy:ListDeployments',
] as const;

/**
 * CreateDeployment's dependent actions on the application: it registers the revision (again) and reads it.
 * Its other dependent action, UpdateDeploymentGroup, is only needed with `overrideAlarmConfiguration`, which
 * the skill never sends, so it is not granted.
 */
export const APPLICATION_ACTIONS = ['codedeploy:GetApplicationRevision', 'codedeploy:RegisterApplicationRevision'] as const;

/** CreateDeployment reads the group's deployment configuration, which may be a built-in or a custom one. */
export const DEPLOYMENT_CONFIG_ACTIONS = ['codedeploy:GetDeploymentConfig'] as const;

/**
 * Actions that no command names but IAM checks on behalf of one (the "dependent actions" column of the Service
 * Authorization Reference), by the action that needs them.
 */
export const DEPENDENT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'codedeploy:CreateDeployment': [...APPLICATION_ACTIONS, ...DEPLOYMENT_CONFIG_ACTIONS],
};

/** StopDeployment has no resource type in the Service Authorization Reference: it can only be granted on '*'. */
export const UNSCOPED_ACTIONS = ['codedeploy:StopDeployment'] as const;

const PARTITION_ACCOUNT = (service: string, region: string) => `arn:\${AWS::Partition}:${service}:${region}:\${AWS::AccountId}`;

/** The environment's region, else the config's, else the region the stack is deployed in. */
export function regionOf(config: Config, environment: EnvironmentConfig): string {
  return environment.region ?? config.region ?? '${AWS::Region}';
}

/** The statements of the role's release policy. Statements with nothing to grant are left out. */
export function releasePolicyStatements(config: Config): PolicyStatement[] {
  const pipelines = new Set<string>();
  const stages = new Set<string>();
  const approvalPipelines = new Set<string>();
  const approvalActions = new Set<string>();
  const groups = new Set<string>();
  const applications = new Set<string>();
  const deploymentConfigs = new Set<string>();
  const promotedPipelines = new Set<string>();
  let alarms = false;

  for (const service of config.services) {
    for (const environment of Object.values(service.environments)) {
      const region = regionOf(config, environment);
      if (environment.pipeline !== undefined) {
        const pipelineArn = `${PARTITION_ACCOUNT('codepipeline', region)}:${environment.pipeline}`;
        pipelines.add(pipelineArn);
        if (environment.rollbackStage !== undefined) stages.add(`${pipelineArn}/${environment.rollbackStage}`);
        if (environment.promoteFrom !== undefined) promotedPipelines.add(pipelineArn);
        const { approvals } = environment;
        if (approvals !== undefined && approvals !== false) {
          approvalPipelines.add(pipelineArn);
          approvalActions.add(approvals === true ? `${pipelineArn}/*/*` : `${pipelineArn}/${approvals.stage}/${approvals.action}`);
        }
      }
      if (environment.alarms !== undefined) alarms = true;
      if (environment.codeDeploy !== undefined) {
        const { application, deploymentGroup } = environment.codeDeploy;
        groups.add(`${PARTITION_ACCOUNT('codedeploy', region)}:deploymentgroup:${application}/${deploymentGroup}`);
        applications.add(`${PARTITION_ACCOUNT('codedeploy', region)}:application:${application}`);
        deploymentConfigs.add(`${PARTITION_ACCOUNT('codedeploy', region)}:deploymentconfig:*`);
      }
    }
  }

  const statements: PolicyStatement[] = [
    statement('Pipelines', PIPELINE_ACTIONS, pipelines),
    statement('PromotedPipelines', PROMOTED_PIPELINE_ACTIONS, promotedPipelines),
    statement('PipelineRollbackStages', STAGE_ACTIONS, stages),
    statement('PipelineDeclarations', APPROVAL_PIPELINE_ACTIONS, approvalPipelines),
    statement('PipelineApprovals', APPROVAL_ACTIONS, approvalActions),
    statement('DeploymentGroups', DEPLOYMENT_GROUP_ACTIONS, groups),
    statement('DeploymentApplicationRevisions', APPLICATION_ACTIONS, applications),
    statement('DeploymentConfigs', DEPLOYMENT_CONFIG_ACTIONS, deploymentConfigs),
  ];
  if (groups.size > 0) statements.push(statement('StopDeployments', UNSCOPED_ACTIONS, new Set(['*'])));
  if (alarms) statements.push(statement('Alarms', ALARM_ACTIONS, new Set(['*'])));
  return statements.filter((s) => s.Resource.length > 0);
}

function statement(sid: string, actions: readonly string[], resources: ReadonlySet<string>): PolicyStatement {
  return { Sid: sid, Effect: 'Allow', Action: [...actions], Resource: [...resources] };
}

/** Why a statement is as wide as it is, written above it in the template. */
const COMMENTS: Readonly<Record<string, readonly string[]>> = {
  PromotedPipelines: ['GetPipeline reads the source actions of the pipelines that promote from another environment (promoteFrom).'],
  Alarms: [
    "Resource '*' because composite alarms come back from DescribeAlarms only to a permission scoped to '*'",
    '(DescribeAlarms in the CloudWatch API reference), and the config does not say which alarms are composite.',
    'It reads alarm states only; granted only when some environment names alarms.',
  ],
  PipelineRollbackStages: ['RollbackStage is authorized on the stage ARN (<pipeline>/<stage>), not on the pipeline.'],
  PipelineDeclarations: ['Only pipelines whose approvals the config lets the skill answer: which actions are approvals, and what they ask.'],
  PipelineApprovals: [
    'PutApprovalResult is authorized on the approval action (<pipeline>/<stage>/<action>): the one the config names,',
    'or <pipeline>/*/* for "approvals": true, which reaches only that pipeline\'s approval actions.',
  ],
  DeploymentApplicationRevisions: [
    'CreateDeployment depends on these on the application. Its other dependent action, UpdateDeploymentGroup,',
    'is only needed for overrideAlarmConfiguration, which the skill never sends.',
  ],
  DeploymentConfigs: [
    "CreateDeployment reads the group's deployment configuration; which one (built-in or custom) is the",
    "group's setting, not the config's, so every configuration in the region and account is readable.",
  ],
  StopDeployments: [
    "Resource '*' because AWS requires it: StopDeployment supports no resource type (Service Authorization",
    'Reference), so it cannot be limited to the groups. The skill only stops deployment ids it found with',
    'ListDeployments in a configured group, which is scoped above.',
  ],
};

/**
 * The statements as YAML list items, indented by `indent` spaces, with a comment above each wide one.
 * Stable output: the same config always renders the same text.
 */
export function renderStatements(statements: readonly PolicyStatement[], indent: number): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const s of statements) {
    for (const comment of COMMENTS[s.Sid] ?? []) lines.push(`${pad}# ${comment}`);
    lines.push(`${pad}- Sid: ${s.Sid}`, `${pad}  Effect: ${s.Effect}`, `${pad}  Action:`);
    for (const action of s.Action) lines.push(`${pad}    - ${action}`);
    lines.push(`${pad}  Resource:`);
    for (const resource of s.Resource) lines.push(`${pad}    - ${renderResource(resource)}`);
  }
  return lines.join('\n');
}

function renderResource(resource: string): string {
  return resource.includes('${') ? `!Sub '${resource}'` : `'${resource}'`;
}

export const POLICY_BEGIN_MARKER = '# BEGIN GENERATED RELEASE POLICY (npm run model; do not edit by hand)';
export const POLICY_END_MARKER = '# END GENERATED RELEASE POLICY';

/**
 * Replaces what lies between the markers in `template` with the statements for `config`, indented like the
 * begin marker. Throws when the markers are missing, so a hand-edited template is not silently left stale.
 */
export function replacePolicyBlock(template: string, config: Config): string {
  const lines = template.split('\n');
  const begin = lines.findIndex((line) => line.trim() === POLICY_BEGIN_MARKER);
  const end = lines.findIndex((line) => line.trim() === POLICY_END_MARKER);
  if (begin < 0 || end < begin) {
    throw new Error(`The template has no "${POLICY_BEGIN_MARKER}" … "${POLICY_END_MARKER}" block.`);
  }
  const indent = (lines[begin] ?? '').length - (lines[begin] ?? '').trimStart().length;
  const block = renderStatements(releasePolicyStatements(config), indent);
  return [...lines.slice(0, begin + 1), block, ...lines.slice(end)].join('\n');
}
