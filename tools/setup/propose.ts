import { canonicalEnvironment } from '../../lambda/src/config/environment-synonyms';
import type { Inventory, PipelineInfo } from '../account/inventory';

/**
 * What `npm run setup` proposes from an account: services and their environments, each with the pipeline and/or
 * CodeDeploy deployment group that serves it, and why.
 *
 * Two kinds of evidence, the stronger first:
 * 1. A pipeline's own CodeDeploy deploy action names the group it deploys to (ApplicationName, DeploymentGroupName):
 *    that pipeline and that group are one environment, whatever they are called.
 * 2. Names: `checkout-prod`, `checkout_staging`, `prod-checkout`, `CheckoutStaging` say a service and, with the
 *    built-in environment words (environment-synonyms.ts), an environment. A pipeline without a CodeDeploy action and
 *    a group no pipeline deploys to that name the same service and environment are paired by their names alone.
 * What neither tells (a name without an environment word, a pipeline that only builds) is not guessed: it is listed
 * as left out, and the interactive setup asks about it.
 */

export interface CodeDeployTarget {
  readonly application: string;
  readonly deploymentGroup: string;
}

export type Evidence = 'deploy action' | 'names';

export interface Proposal {
  /** The service name people will say: the words of the name other than the environment. */
  readonly service: string;
  /** The environment key: a built-in word's usual form ("production" for "prod"). */
  readonly environment: string;
  readonly pipeline?: string;
  readonly codeDeploy?: CodeDeployTarget;
  readonly evidence: Evidence;
  /** One line for a person: "pipeline billing-production deploys to billing-service/billing-prod-fleet". */
  readonly because: string;
}

/** Something in the account that no proposal covers, and why. */
export interface LeftOut {
  readonly pipeline?: string;
  readonly codeDeploy?: CodeDeployTarget;
  readonly why: string;
}

export interface Proposals {
  readonly proposals: readonly Proposal[];
  readonly leftOut: readonly LeftOut[];
}

/** Words in resource names that say nothing about the service or the environment. */
const NOISE = new Set(['pipeline', 'pipe', 'deploy', 'deployment', 'deployments', 'group', 'dg', 'release', 'cd', 'cp', 'codepipeline', 'codedeploy']);

/** `CheckoutAPI-prod_pipeline` → ['checkout', 'api', 'prod', 'pipeline']. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word !== '');
}

/** What a name says: the environment (a built-in word, the last one if several) and the service words around it. */
export function readName(name: string): { service?: string; environment?: string } {
  const all = words(name).filter((word) => !NOISE.has(word));
  // Two-word environment names first ("pre prod"), then single words, from the end: names end in the environment more often than not.
  for (let i = all.length - 2; i >= 0; i -= 1) {
    const key = canonicalEnvironment(`${all[i]} ${all[i + 1]}`) ?? canonicalEnvironment(`${all[i]}-${all[i + 1]}`);
    if (key !== undefined) return spoken([...all.slice(0, i), ...all.slice(i + 2)], key);
  }
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const key = canonicalEnvironment(all[i] as string);
    if (key !== undefined) return spoken([...all.slice(0, i), ...all.slice(i + 1)], key);
  }
  return all.length === 0 ? {} : { service: all.join(' ') };
}

function spoken(serviceWords: string[], environment: string): { service?: string; environment: string } {
  return serviceWords.length === 0 ? { environment } : { service: serviceWords.join(' '), environment };
}

const groupKey = (target: CodeDeployTarget) => `${target.application}/${target.deploymentGroup}`;

/** Service and environment for a group: from its own name, the application's name standing in for a missing service. */
function readGroup(target: CodeDeployTarget): { service?: string; environment?: string } {
  const read = readName(target.deploymentGroup);
  return { ...read, service: read.service ?? readName(target.application).service };
}

/** Proposes services and environments for everything in `inventory`. */
export function propose(inventory: Inventory): Proposals {
  const proposals: Proposal[] = [];
  const leftOut: LeftOut[] = [];
  const claimedGroups = new Set<string>();
  const taken = new Map<string, Proposal>();
  const add = (proposal: Proposal): void => {
    const key = `${proposal.service}\u0000${proposal.environment}`;
    const earlier = taken.get(key);
    if (earlier === undefined) {
      taken.set(key, proposal);
      proposals.push(proposal);
      return;
    }
    // Two weaker ones for the same place may complete each other: a pipeline and a group paired by their names.
    if (earlier.evidence === 'names' && proposal.evidence === 'names' && (earlier.pipeline === undefined) !== (proposal.pipeline === undefined)
      && (earlier.codeDeploy === undefined) !== (proposal.codeDeploy === undefined)) {
      const merged: Proposal = {
        ...earlier, pipeline: earlier.pipeline ?? proposal.pipeline, codeDeploy: earlier.codeDeploy ?? proposal.codeDeploy,
        because: `pipeline ${earlier.pipeline ?? proposal.pipeline} and group ${groupKey((earlier.codeDeploy ?? proposal.codeDeploy) as CodeDeployTarget)} have names that say ${proposal.service} ${proposal.environment}`,
      };
      taken.set(key, merged);
      proposals[proposals.indexOf(earlier)] = merged;
      return;
    }
    leftOut.push({
      pipeline: proposal.pipeline, codeDeploy: proposal.codeDeploy,
      why: `also looks like ${proposal.service} ${proposal.environment}, which ${earlier.pipeline === undefined ? `group ${groupKey(earlier.codeDeploy as CodeDeployTarget)}` : `pipeline ${earlier.pipeline}`} already is`,
    });
  };

  // 1. Pipelines with a CodeDeploy action: the action pairs them. A pipeline with several ships to its last one.
  const withAction = inventory.pipelines.filter((p) => p.codeDeployActions.length > 0);
  for (const pipeline of withAction) {
    const action = pipeline.codeDeployActions.at(-1) as PipelineInfo['codeDeployActions'][number];
    const target = { application: action.application, deploymentGroup: action.deploymentGroup };
    claimedGroups.add(groupKey(target));
    const fromPipeline = readName(pipeline.name);
    const fromGroup = readGroup(target);
    const environment = fromPipeline.environment ?? fromGroup.environment;
    const service = (fromPipeline.environment !== undefined ? fromPipeline.service : undefined) ?? fromGroup.service ?? readName(target.application).service;
    if (environment === undefined || service === undefined) {
      leftOut.push({ pipeline: pipeline.name, codeDeploy: target, why: `deploys to ${groupKey(target)}, but neither name says which environment that is` });
      continue;
    }
    add({ service, environment, pipeline: pipeline.name, codeDeploy: target, evidence: 'deploy action', because: `pipeline ${pipeline.name} deploys to ${groupKey(target)}` });
  }

  // 2. Pipelines without one, by name.
  for (const pipeline of inventory.pipelines.filter((p) => p.codeDeployActions.length === 0)) {
    const { service, environment } = readName(pipeline.name);
    if (environment === undefined || service === undefined) {
      leftOut.push({ pipeline: pipeline.name, why: 'has no CodeDeploy action, and its name says no environment' });
      continue;
    }
    add({ service, environment, pipeline: pipeline.name, evidence: 'names', because: `the name of pipeline ${pipeline.name}` });
  }

  // 3. Groups no pipeline deploys to, by name.
  for (const application of inventory.applications) {
    for (const deploymentGroup of application.deploymentGroups) {
      const target = { application: application.name, deploymentGroup };
      if (claimedGroups.has(groupKey(target))) continue;
      const { service, environment } = readGroup(target);
      if (environment === undefined || service === undefined) {
        leftOut.push({ codeDeploy: target, why: 'no pipeline deploys to it, and its name says no environment' });
        continue;
      }
      add({ service, environment, codeDeploy: target, evidence: 'names', because: `the name of group ${groupKey(target)}, which no pipeline deploys to` });
    }
  }
  return { proposals, leftOut };
}
