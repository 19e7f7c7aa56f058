import { paginateListApplications, paginateListDeploymentGroups } from '@aws-sdk/client-codedeploy';
import { GetPipelineCommand, paginateListPipelines, type PipelineDeclaration } from '@aws-sdk/client-codepipeline';
import type { AccountClients } from './clients';

/** What `npm run setup` learns of an account: its pipelines with their CodeDeploy actions, and its deployment groups. */

/** A CodeDeploy action in a pipeline: the group it deploys to is the strongest evidence of what the pipeline ships where. */
export interface CodeDeployAction {
  readonly stage: string;
  readonly application: string;
  readonly deploymentGroup: string;
  /** A cross-region action's own region. */
  readonly region?: string;
}

export interface PipelineInfo {
  readonly name: string;
  readonly pipelineType?: string;
  readonly stages: readonly string[];
  readonly codeDeployActions: readonly CodeDeployAction[];
}

export interface ApplicationInfo {
  readonly name: string;
  readonly deploymentGroups: readonly string[];
}

export interface Inventory {
  readonly region: string;
  readonly pipelines: readonly PipelineInfo[];
  readonly applications: readonly ApplicationInfo[];
}

/** The CodeDeploy providers whose configuration names an application and a deployment group. */
const CODEDEPLOY_PROVIDERS = new Set(['CodeDeploy', 'CodeDeployToECS']);

/** A pipeline's declaration reduced to what setup and doctor read. */
export function pipelineInfo(declaration: PipelineDeclaration): PipelineInfo {
  const stages = declaration.stages ?? [];
  return {
    name: declaration.name ?? '',
    pipelineType: declaration.pipelineType,
    stages: stages.map((stage) => stage.name ?? ''),
    codeDeployActions: stages.flatMap((stage) => (stage.actions ?? []).flatMap((action): CodeDeployAction[] => {
      const application = action.configuration?.['ApplicationName'];
      const deploymentGroup = action.configuration?.['DeploymentGroupName'];
      if (action.actionTypeId?.category !== 'Deploy' || !CODEDEPLOY_PROVIDERS.has(action.actionTypeId.provider ?? '')) return [];
      if (application === undefined || deploymentGroup === undefined) return [];
      return [{ stage: stage.name ?? '', application, deploymentGroup, ...(action.region === undefined ? {} : { region: action.region }) }];
    })),
  };
}

/** Runs `work` over `items`, `limit` at a time: an account with two hundred pipelines is read without a burst. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Reads the account's pipelines and CodeDeploy applications in the clients' region. */
export async function readInventory(clients: AccountClients): Promise<Inventory> {
  const names: string[] = [];
  for await (const page of paginateListPipelines({ client: clients.codePipeline() }, {})) {
    for (const summary of page.pipelines ?? []) if (summary.name !== undefined) names.push(summary.name);
  }
  const pipelines = await mapLimited(names, 5, async (name) => {
    const { pipeline } = await clients.codePipeline().send(new GetPipelineCommand({ name }));
    return pipelineInfo(pipeline ?? { name, roleArn: undefined, stages: [] } as unknown as PipelineDeclaration);
  });

  const applicationNames: string[] = [];
  for await (const page of paginateListApplications({ client: clients.codeDeploy() }, {})) applicationNames.push(...(page.applications ?? []));
  const applications = await mapLimited(applicationNames, 5, async (name) => {
    const deploymentGroups: string[] = [];
    for await (const page of paginateListDeploymentGroups({ client: clients.codeDeploy() }, { applicationName: name })) {
      deploymentGroups.push(...(page.deploymentGroups ?? []));
    }
    return { name, deploymentGroups };
  });
  return { region: clients.region, pipelines, applications };
}
