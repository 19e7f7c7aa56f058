import type { Config } from '../../lambda/src/config/schema';
import type { DeploymentGroupKey, Trigger } from './model';
import { ACCOUNT_ID, type LocalAwsStore } from './store';

/**
 * A believable past for every pipeline and deployment group a config names: four releases over the last three days,
 * the third of which failed in its deploy stage, started alternately by a git push and by a person, and one new
 * commit waiting to ship. Every alarm the config names exists, in OK since a day ago.
 */

const HOUR_MS = 3_600_000;

/** Who started the seeded manual releases. */
export const SEED_PERSON_ARN = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/Deployer/alice`;

const SUMMARIES = [
  'Fix rounding of tax on discounted items',
  'Add retries to the payment client',
  "Don't show expired coupons at checkout",
  'Log request ids with every error',
  'Upgrade the runtime to Node 22',
  'Show the delivery estimate on the cart page',
  'Cache exchange rates for five minutes',
  'Tighten the timeout on inventory lookups',
  'Remove the old promotions banner',
  'Speed up the order history query',
];

interface HistoryEntry {
  readonly hoursAgo: number;
  readonly byPerson: boolean;
  readonly fails: boolean;
}

const HISTORY: readonly HistoryEntry[] = [
  { hoursAgo: 72, byPerson: false, fails: false },
  { hoursAgo: 48, byPerson: true, fails: false },
  { hoursAgo: 24, byPerson: false, fails: true },
  { hoursAgo: 6, byPerson: true, fails: false },
];

/** Adds a pipeline and/or deployment group with history for every environment of every service in `config`. */
export function seedFromConfig(store: LocalAwsStore, config: Config): void {
  let summaryOffset = 0;
  const summary = () => {
    const text = SUMMARIES[summaryOffset % SUMMARIES.length] as string;
    summaryOffset += 1;
    return text;
  };
  const seededGroups = new Set<string>();
  for (const service of config.services) {
    const repository = `example-org/${service.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    for (const environment of Object.values(service.environments)) {
      const group = environment.codeDeploy === undefined
        ? undefined
        : { application: environment.codeDeploy.application, deploymentGroup: environment.codeDeploy.deploymentGroup };
      const groupKey = group === undefined ? undefined : `${group.application}/${group.deploymentGroup}`;
      if (environment.pipeline !== undefined) {
        if (store.pipelineNames().includes(environment.pipeline)) continue;
        seedPipeline(store, environment.pipeline, repository, group, environment.rollbackStage, summary);
        if (groupKey !== undefined) seededGroups.add(groupKey);
      } else if (group !== undefined && groupKey !== undefined && !seededGroups.has(groupKey)) {
        seedDeploymentGroup(store, group, repository, summary);
        seededGroups.add(groupKey);
      }
      for (const name of environment.alarms ?? []) {
        if (store.alarms.find(name) === undefined) store.alarms.put({ name, state: 'OK', at: store.now() - 24 * HOUR_MS });
      }
    }
  }
}

function seedPipeline(
  store: LocalAwsStore, name: string, repository: string, deploysTo: DeploymentGroupKey | undefined,
  deployStage: string | undefined, summary: () => string,
): void {
  const now = store.now();
  const deployStageName = deployStage ?? 'Deploy';
  store.addPipeline({
    name,
    repository,
    deploysTo,
    createdAt: now - 30 * 24 * HOUR_MS,
    stages: [{ name: 'Source', kind: 'source' }, { name: 'Build', kind: 'build' }, { name: deployStageName, kind: 'deploy' }],
  });
  const webhook: Trigger = {
    triggerType: 'WebhookV2',
    triggerDetail: `arn:aws:codeconnections:${store.region}:${ACCOUNT_ID}:connection/${store.ids.uuid()}`,
  };
  const person: Trigger = { triggerType: 'StartPipelineExecution', triggerDetail: SEED_PERSON_ARN };
  for (const entry of HISTORY) {
    store.pushCommit(name, summary());
    store.startExecution(name, {
      at: now - entry.hoursAgo * HOUR_MS,
      trigger: entry.byPerson ? person : webhook,
      failAtStage: entry.fails ? deployStageName : undefined,
    });
  }
  store.pushCommit(name, summary());
  // Deploy stages of the history become deployments now, not on the first request.
  store.sync();
}

function seedDeploymentGroup(store: LocalAwsStore, key: DeploymentGroupKey, repository: string, summary: () => string): void {
  const now = store.now();
  store.addDeploymentGroup(key);
  for (const entry of HISTORY) {
    store.createDeployment({
      ...key,
      revision: { revisionType: 'GitHub', gitHubLocation: { repository, commitId: store.ids.commitId() } },
      description: summary(),
      at: now - entry.hoursAgo * HOUR_MS,
      outcome: entry.fails ? 'Failed' : 'Succeeded',
    });
  }
}
