import type { Config, EnvironmentConfig } from '../../lambda/src/config/schema';
import { ROLLBACK_DESCRIPTION } from '../../lambda/src/domain/release';
import type { DeploymentGroupKey, StageSpec, Trigger } from './model';
import { ACCOUNT_ID, type LocalAwsStore } from './store';

/**
 * A believable past for every pipeline and deployment group a config names: the last three days hold four releases,
 * the third of which failed in its deploy stage, started alternately by a git push and by a person, and one new
 * commit waiting to ship. Before them, `weeks` weeks of older history (the simulator asks for four, so that "how
 * did we do last month" has something to say): two releases on most working days, some failing and fixed a couple
 * of hours later, some rolled back an hour after they shipped, each pipeline or group its own mix. Seeded runs take
 * ten to fifteen minutes. A pipeline whose environment sets `approvals` has a manual approval stage before its deploy
 * stage, which the seeded person approved the moment each past release asked (so the history keeps its times). Every
 * alarm the config names exists, in OK since a day ago.
 */

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Weeks of older history the simulator (npm start, the dialog replays, npm run local-aws) seeds. */
export const SIMULATOR_HISTORY_WEEKS = 4;

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

/** Older history says what changed in other words, so that the last three days say what they always did. */
const OLDER_SUMMARIES = [
  'Retry idempotent requests once', 'Add a health check for the queue', 'Trim the product feed', 'Bump the SDK',
  'Fix the currency of refunds', 'Warm the cache on start', 'Page the order list', 'Drop an unused index',
];

interface HistoryEntry {
  readonly hoursAgo: number;
  readonly byPerson: boolean;
  readonly fails: boolean;
  /** Each stage's minutes; the store's short default when absent (releases started now run in seconds). */
  readonly stageMinutes?: number;
  /** Rolled back this many hours after it started, by deploying again what ran before it. */
  readonly rolledBackAfterHours?: number;
}

const HISTORY: readonly HistoryEntry[] = [
  { hoursAgo: 72, byPerson: false, fails: false, stageMinutes: 4 },
  { hoursAgo: 48, byPerson: true, fails: false, stageMinutes: 4 },
  { hoursAgo: 24, byPerson: false, fails: true, stageMinutes: 4 },
  { hoursAgo: 6, byPerson: true, fails: false, stageMinutes: 4 },
];

/**
 * From `days` - 1 to 4 days before now: releases four hours before and one hour after this time of day, none on two days a
 * week; every fifth day the second one fails and a fix follows ninety minutes later; every ninth day the first one
 * is rolled back an hour after it started. `variant` shifts the pattern, so that services and environments differ.
 */
function olderHistory(variant: number, days: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (let day = days - 1; day >= 4; day -= 1) {
    const shifted = day + variant;
    if (shifted % 7 === 0 || shifted % 7 === 1) continue;
    const stageMinutes = 3 + (shifted % 3) + (variant % 2);
    const fails = shifted % 5 === 0;
    const rolledBack = !fails && (day + 2 * variant) % 9 === 0;
    entries.push({ hoursAgo: day * 24 + 4, byPerson: day % 2 === 0, fails: false, stageMinutes, rolledBackAfterHours: rolledBack ? 1 : undefined });
    entries.push({ hoursAgo: day * 24 - 1, byPerson: false, fails, stageMinutes });
    if (fails) entries.push({ hoursAgo: day * 24 - 2.5, byPerson: true, fails: false, stageMinutes });
  }
  return entries;
}

/** Adds a pipeline and/or deployment group with history for every environment of every service in `config`. */
export function seedFromConfig(store: LocalAwsStore, config: Config, options: { readonly weeks?: number } = {}): void {
  let summaryOffset = 0;
  const summary = () => {
    const text = SUMMARIES[summaryOffset % SUMMARIES.length] as string;
    summaryOffset += 1;
    return text;
  };
  let olderOffset = 0;
  const olderSummary = () => {
    const text = OLDER_SUMMARIES[olderOffset % OLDER_SUMMARIES.length] as string;
    olderOffset += 1;
    return text;
  };
  let variant = 0;
  const history = () => {
    variant += 1;
    return { older: olderHistory(variant - 1, (options.weeks ?? 0) * 7), olderSummary };
  };
  const seededGroups = new Set<string>();
  for (const service of config.services) {
    const repository = `example-org/${service.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    for (const [environmentKey, environment] of Object.entries(service.environments)) {
      const group = environment.codeDeploy === undefined
        ? undefined
        : { application: environment.codeDeploy.application, deploymentGroup: environment.codeDeploy.deploymentGroup };
      const groupKey = group === undefined ? undefined : `${group.application}/${group.deploymentGroup}`;
      if (environment.pipeline !== undefined) {
        if (store.pipelineNames().includes(environment.pipeline)) continue;
        seedPipeline(store, environment.pipeline, repository, group, environment.rollbackStage, summary, history(), approvalStage(environment, environmentKey));
        if (groupKey !== undefined) seededGroups.add(groupKey);
      } else if (group !== undefined && groupKey !== undefined && !seededGroups.has(groupKey)) {
        seedDeploymentGroup(store, group, repository, summary, history());
        seededGroups.add(groupKey);
      }
      for (const name of environment.alarms ?? []) {
        if (store.alarms.find(name) === undefined) store.alarms.put({ name, state: 'OK', at: store.now() - 24 * HOUR_MS });
      }
    }
  }
}

/** The manual approval stage of an environment whose config sets `approvals`: the one it names, else "Approve". */
function approvalStage(environment: EnvironmentConfig, key: string): StageSpec | undefined {
  const { approvals } = environment;
  if (approvals === undefined || approvals === false) return undefined;
  const named = approvals === true ? { stage: 'Approve', action: 'ManualApproval' } : approvals;
  return {
    name: named.stage, kind: 'approval', actionName: named.action, provider: 'Manual', durationMs: 0, customData: `Check the ${key} dashboards before this release goes on`,
  };
}

interface Past {
  readonly older: readonly HistoryEntry[];
  readonly olderSummary: () => string;
}

function seedPipeline(
  store: LocalAwsStore, name: string, repository: string, deploysTo: DeploymentGroupKey | undefined,
  deployStage: string | undefined, summary: () => string, past: Past, approval?: StageSpec,
): void {
  const now = store.now();
  const deployStageName = deployStage ?? 'Deploy';
  store.addPipeline({
    name,
    repository,
    deploysTo,
    createdAt: now - 30 * 24 * HOUR_MS,
    stages: [
      { name: 'Source', kind: 'source' }, { name: 'Build', kind: 'build' },
      ...(approval === undefined ? [] : [approval]),
      { name: deployStageName, kind: 'deploy' },
    ],
  });
  const webhook: Trigger = {
    triggerType: 'WebhookV2',
    triggerDetail: `arn:aws:codeconnections:${store.region}:${ACCOUNT_ID}:connection/${store.ids.uuid()}`,
  };
  const person: Trigger = { triggerType: 'StartPipelineExecution', triggerDetail: SEED_PERSON_ARN };
  const entries = [...past.older.map((entry) => ({ entry, summary: past.olderSummary })), ...HISTORY.map((entry) => ({ entry, summary }))];
  for (const { entry, summary: say } of entries) {
    store.pushCommit(name, say());
    const at = now - entry.hoursAgo * HOUR_MS;
    store.startExecution(name, {
      at,
      trigger: entry.byPerson ? person : webhook,
      failAtStage: entry.fails ? deployStageName : undefined,
      stageDurationMs: entry.stageMinutes === undefined ? undefined : entry.stageMinutes * MINUTE_MS,
    });
    if (approval !== undefined) store.answerWaitingApprovals(name, { status: 'Approved', summary: 'Dashboards look fine' }, SEED_PERSON_ARN);
    if (entry.rolledBackAfterHours !== undefined && deploysTo !== undefined) rollBack(store, deploysTo, at + entry.rolledBackAfterHours * HOUR_MS);
  }
  store.pushCommit(name, summary());
  // Deploy stages of the history become deployments now, not on the first request.
  store.sync();
}

function seedDeploymentGroup(store: LocalAwsStore, key: DeploymentGroupKey, repository: string, summary: () => string, past: Past): void {
  const now = store.now();
  store.addDeploymentGroup(key);
  const entries = [...past.older.map((entry) => ({ entry, summary: past.olderSummary })), ...HISTORY.map((entry) => ({ entry, summary }))];
  for (const { entry, summary: say } of entries) {
    const at = now - entry.hoursAgo * HOUR_MS;
    store.createDeployment({
      ...key,
      revision: { revisionType: 'GitHub', gitHubLocation: { repository, commitId: store.ids.commitId() } },
      description: say(),
      at,
      durationMs: entry.stageMinutes === undefined ? undefined : entry.stageMinutes * MINUTE_MS,
      outcome: entry.fails ? 'Failed' : 'Succeeded',
    });
    if (entry.rolledBackAfterHours !== undefined) rollBack(store, key, at + entry.rolledBackAfterHours * HOUR_MS);
  }
}

/** What the skill's rollback does: deploy again, at `at`, the revision that ran before the current one. */
function rollBack(store: LocalAwsStore, key: DeploymentGroupKey, at: number): void {
  store.sync();
  const group = store.deploymentGroup(key.application, key.deploymentGroup);
  const current = store.deploymentsOf(group).filter((d) => d.createdAt <= at && store.deploymentStatus(d, at) === 'Succeeded').at(-1);
  if (current?.previousRevision === undefined) return;
  store.createDeployment({
    ...key, revision: current.previousRevision, at, durationMs: 8 * MINUTE_MS,
    description: `${ROLLBACK_DESCRIPTION} of ${key.application} to ${current.id}`,
  });
}
