import { GetDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';
import { GetPipelineCommand } from '@aws-sdk/client-codepipeline';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { Config, EnvironmentConfig } from '../../lambda/src/config/schema';
import { AccountAccessError, describeFailure, type AccountClients } from '../account/clients';
import { pipelineInfo, type PipelineInfo } from '../account/inventory';
import type { Finding } from './findings';
import { configFindings } from './placeholders';

/**
 * `npm run doctor`: the config against the account, one finding per thing checked. Every pipeline and deployment
 * group must exist in its region, each pipeline's CodeDeploy action must deploy to the group the config pairs with
 * it (else a rollback would redeploy somewhere the pipeline does not ship to), a rollbackStage must be a stage of a V2
 * pipeline, the state table must answer, and the config must not be the shipped example.
 */

const NOT_FOUND = /NotFound|DoesNotExist/;

const groupName = (target: { application: string; deploymentGroup: string }) => `${target.application}/${target.deploymentGroup}`;

/** The pipeline's declaration, or a finding saying why there is none. */
async function findPipeline(clients: AccountClients, name: string, region: string, subject: string): Promise<PipelineInfo | Finding> {
  try {
    const { pipeline } = await clients.codePipeline(region).send(new GetPipelineCommand({ name }));
    return pipelineInfo(pipeline ?? { name, roleArn: undefined, stages: [] } as never);
  } catch (error) {
    if (error instanceof Error && NOT_FOUND.test(error.name)) {
      return { level: 'problem', subject, message: `pipeline ${name} does not exist in ${region}`, fix: 'correct the name or the region (npm run setup lists what there is)' };
    }
    return { level: 'problem', subject, message: describeFailure(error, `read pipeline ${name} in ${region}`), fix: 'check your AWS profile and its permissions' };
  }
}

function pipelineFindings(info: PipelineInfo, environment: EnvironmentConfig, region: string, subject: string): Finding[] {
  const findings: Finding[] = [];
  const wanted = environment.codeDeploy;
  const actions = info.codeDeployActions;
  if (wanted !== undefined && actions.length > 0 && !actions.some((a) => a.application === wanted.application && a.deploymentGroup === wanted.deploymentGroup)) {
    findings.push({
      level: 'problem', subject,
      message: `pipeline ${info.name} deploys to ${actions.map(groupName).join(', ')}, not to the configured ${groupName(wanted)}`,
      fix: `set codeDeploy to { "application": "${actions.at(-1)?.application}", "deploymentGroup": "${actions.at(-1)?.deploymentGroup}" }, or correct the pipeline`,
    });
  } else if (wanted !== undefined && actions.length === 0) {
    findings.push({ level: 'warning', subject, message: `pipeline ${info.name} has no CodeDeploy action; a rollback redeploys ${groupName(wanted)} outside it`, fix: 'make sure that group is what this pipeline releases' });
  } else if (wanted === undefined && actions.length > 0) {
    findings.push({ level: 'warning', subject, message: `pipeline ${info.name} deploys to ${actions.map(groupName).join(', ')}, which the config does not name, so a rollback cannot use CodeDeploy`, fix: 'add it as "codeDeploy" (npm run setup does)' });
  }
  if (environment.rollbackStage !== undefined) {
    if (!info.stages.includes(environment.rollbackStage)) {
      findings.push({ level: 'problem', subject, message: `rollbackStage ${environment.rollbackStage} is not a stage of ${info.name} (${info.stages.join(', ')})`, fix: 'name one of its stages' });
    } else if (info.pipelineType !== 'V2') {
      findings.push({ level: 'problem', subject, message: `rollbackStage needs a V2 pipeline; ${info.name} is ${info.pipelineType ?? 'V1'}`, fix: 'upgrade the pipeline to V2, or remove rollbackStage' });
    }
  }
  if (findings.length === 0) findings.push({ level: 'ok', subject, message: `pipeline ${info.name} in ${region}${wanted === undefined ? '' : ` deploys to ${groupName(wanted)}`}` });
  return findings;
}

async function groupFindings(clients: AccountClients, target: { application: string; deploymentGroup: string }, region: string, subject: string): Promise<Finding> {
  try {
    await clients.codeDeploy(region).send(new GetDeploymentGroupCommand({ applicationName: target.application, deploymentGroupName: target.deploymentGroup }));
    return { level: 'ok', subject, message: `deployment group ${groupName(target)} in ${region}` };
  } catch (error) {
    if (error instanceof Error && NOT_FOUND.test(error.name)) {
      const what = error.name.startsWith('Application') ? `application ${target.application}` : `deployment group ${groupName(target)}`;
      return { level: 'problem', subject, message: `${what} does not exist in ${region}`, fix: 'correct the names or the region (npm run setup lists what there is)' };
    }
    return { level: 'problem', subject, message: describeFailure(error, `read deployment group ${groupName(target)} in ${region}`), fix: 'check your AWS profile and its permissions' };
  }
}

async function tableFinding(clients: AccountClients, config: Config, region: string): Promise<Finding> {
  const table = config.stateTable;
  if (table === undefined) {
    return { level: 'ok', subject: 'stateTable', message: 'none in the config: the deployed stack makes its own and passes it to the skill' };
  }
  try {
    const { Table } = await clients.dynamoDb(region).send(new DescribeTableCommand({ TableName: table }));
    const key = Table?.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName;
    if (key !== 'pk') return { level: 'problem', subject: 'stateTable', message: `table ${table} is keyed by ${key ?? 'nothing'}, not pk`, fix: 'use the table the stack creates (key pk, a string)' };
    return { level: 'ok', subject: 'stateTable', message: `table ${table} answers in ${region} (${Table?.TableStatus ?? 'status unknown'})` };
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') {
      return { level: 'problem', subject: 'stateTable', message: `table ${table} does not exist in ${region}`, fix: 'name the table the stack created, or remove stateTable (the stack passes its own)' };
    }
    return { level: 'problem', subject: 'stateTable', message: describeFailure(error, `describe table ${table} in ${region}`), fix: 'check your AWS profile and its permissions' };
  }
}

export interface DoctorOptions {
  /** The skill id ask-cli recorded (.ask/ask-states.json), if any. */
  readonly deployedSkillId?: string;
}

/** Every finding for `config`, in the order: the config itself, each environment, the state table. */
export async function diagnose(config: Config, clients: AccountClients, options: DoctorOptions = {}): Promise<Finding[]> {
  const findings = configFindings(config, options.deployedSkillId);
  const defaultRegion = config.region ?? clients.region;
  const pipelines = new Map<string, Promise<PipelineInfo | Finding>>();
  for (const service of config.services) {
    for (const [key, environment] of Object.entries(service.environments)) {
      const subject = `${service.name} ${key}`;
      const region = environment.region ?? defaultRegion;
      if (environment.pipeline !== undefined) {
        const cacheKey = `${region}/${environment.pipeline}`;
        const lookup = pipelines.get(cacheKey) ?? findPipeline(clients, environment.pipeline, region, subject);
        pipelines.set(cacheKey, lookup);
        const info = await lookup;
        if ('level' in info) findings.push({ ...info, subject });
        else findings.push(...pipelineFindings(info, environment, region, subject));
      }
      if (environment.codeDeploy !== undefined) findings.push(await groupFindings(clients, environment.codeDeploy, region, subject));
    }
  }
  findings.push(await tableFinding(clients, config, defaultRegion));
  return findings;
}

export { AccountAccessError };
