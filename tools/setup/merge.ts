import type { Inventory } from '../account/inventory';
import { isExampleId, PLACEHOLDER_SKILL_ID } from '../doctor/placeholders';
import type { Proposal } from './propose';

/**
 * The config setup writes: the chosen proposals as services, inside what the existing file already says. The people
 * (allowedUsers, admins, people, policies), the release code, the state table, the time zone and each service's
 * synonyms are the team's own decisions and are kept; only the shipped example ids and the placeholder skill id are
 * dropped, since they are nobody's. Works on the file's JSON as written, so defaults the schema would add are not
 * written into it.
 */

type Json = Record<string, unknown>;
type RawEnvironment = { pipeline?: string; codeDeploy?: { application: string; deploymentGroup: string }; rollbackStage?: string; region?: string };
type RawService = { name: string; synonyms?: string[]; environments: Record<string, RawEnvironment> };

export interface Merged {
  readonly config: Json;
  /** What changed in what the file said, one line each, for the person running setup. */
  readonly notes: readonly string[];
}

const sameTarget = (a: RawEnvironment, b: RawEnvironment) => a.pipeline === b.pipeline
  && a.codeDeploy?.application === b.codeDeploy?.application && a.codeDeploy?.deploymentGroup === b.codeDeploy?.deploymentGroup;

/** Whether everything an environment names is in the account (so a hand-made mapping setup did not propose is kept). */
function inAccount(environment: RawEnvironment, inventory: Inventory, region: string): boolean {
  if ((environment.region ?? region) !== inventory.region) return true; // another region: not setup's to judge (npm run doctor does)
  const pipelineFound = environment.pipeline === undefined || inventory.pipelines.some((p) => p.name === environment.pipeline);
  const group = environment.codeDeploy;
  const groupFound = group === undefined || inventory.applications.some((a) => a.name === group.application && a.deploymentGroups.includes(group.deploymentGroup));
  return pipelineFound && groupFound;
}

export function mergeConfig(existing: Json | undefined, chosen: readonly Proposal[], inventory: Inventory): Merged {
  const notes: string[] = [];
  const config: Json = { ...(existing ?? {}) };
  const region = typeof config['region'] === 'string' ? config['region'] : inventory.region;

  if (config['skillId'] === PLACEHOLDER_SKILL_ID) {
    delete config['skillId'];
    notes.push('dropped the placeholder skillId: the deploy passes the real one to the skill');
  }
  const real = (ids: unknown, where: string): string[] => {
    const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    const examples = list.filter(isExampleId);
    if (examples.length > 0) notes.push(`dropped the example ids from ${where}: ${examples.join(', ')}`);
    return list.filter((id) => !isExampleId(id));
  };
  config['allowedUsers'] = real(config['allowedUsers'], 'allowedUsers');
  if (config['admins'] !== undefined) config['admins'] = real(config['admins'], 'admins');
  if (config['region'] !== inventory.region) {
    if (typeof config['region'] === 'string') notes.push(`region: ${config['region']} → ${inventory.region}, where the account was read`);
    config['region'] = inventory.region;
  }

  // Services: the chosen proposals, grouped by service, with what the file said about the same service and place.
  const before = Array.isArray(config['services']) ? config['services'] as RawService[] : [];
  const services = new Map<string, RawService>();
  for (const proposal of chosen) {
    const earlier = before.find((s) => s.name === proposal.service);
    const service = services.get(proposal.service) ?? { name: proposal.service, ...(earlier?.synonyms?.length ? { synonyms: earlier.synonyms } : {}), environments: {} };
    const environment: RawEnvironment = {
      ...(proposal.pipeline === undefined ? {} : { pipeline: proposal.pipeline }),
      ...(proposal.codeDeploy === undefined ? {} : { codeDeploy: { ...proposal.codeDeploy } }),
    };
    const kept = earlier?.environments[proposal.environment];
    if (kept !== undefined && sameTarget(kept, environment)) {
      if (kept.rollbackStage !== undefined) environment.rollbackStage = kept.rollbackStage;
    }
    service.environments[proposal.environment] = environment;
    services.set(proposal.service, service);
  }
  // What the file mapped by hand and the account still has stays; what the account no longer has goes.
  for (const service of before) {
    for (const [key, environment] of Object.entries(service.environments ?? {})) {
      const current = services.get(service.name);
      if (current?.environments[key] !== undefined) continue;
      if (!inAccount(environment, inventory, region)) {
        notes.push(`dropped ${service.name} ${key}: ${[environment.pipeline && `pipeline ${environment.pipeline}`, environment.codeDeploy && `group ${environment.codeDeploy.application}/${environment.codeDeploy.deploymentGroup}`].filter(Boolean).join(' and ')} not in the account`);
        continue;
      }
      const target = current ?? { name: service.name, ...(service.synonyms?.length ? { synonyms: service.synonyms } : {}), environments: {} };
      // Kept from another region than the one read: it keeps its region when the top-level one changes.
      target.environments[key] = environment.region === undefined && region !== inventory.region ? { ...environment, region } : environment;
      services.set(service.name, target);
      notes.push(`kept ${service.name} ${key} as the file had it`);
    }
  }
  config['services'] = [...services.values()];

  // Settings that name services or environments must still name one.
  const keys = new Set([...services.values()].flatMap((s) => Object.keys(s.environments)));
  if (typeof config['policies'] === 'object' && config['policies'] !== null) {
    const policies: Json = {};
    for (const [key, policy] of Object.entries(config['policies'] as Json)) {
      if (keys.has(key)) {
        const rules = { ...(policy as Json) };
        if (rules['allowedUsers'] !== undefined) rules['allowedUsers'] = real(rules['allowedUsers'], `policies.${key}.allowedUsers`);
        policies[key] = rules;
      } else {
        notes.push(`dropped policies.${key}: no service has a ${key} environment any more`);
      }
    }
    config['policies'] = policies;
  }
  if (typeof config['defaultService'] === 'string' && !services.has(config['defaultService'])) {
    notes.push(`dropped defaultService ${config['defaultService']}: no such service any more`);
    delete config['defaultService'];
  }
  return { config: ordered(config), notes };
}

/** The fields in the order the README documents them, unknown ones last (the schema will name them). */
function ordered(config: Json): Json {
  const order = ['skillId', 'allowedUsers', 'admins', 'people', 'region', 'timeZone', 'defaultService', 'stateTable', 'policies', 'pin', 'services'];
  const out: Json = {};
  for (const key of order) if (config[key] !== undefined) out[key] = config[key];
  for (const [key, value] of Object.entries(config)) if (!(key in out)) out[key] = value;
  return out;
}
