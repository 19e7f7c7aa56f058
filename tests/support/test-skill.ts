import { parseConfig } from '../../lambda/src/config/load';
import type { Config } from '../../lambda/src/config/schema';
import { MemoryStateStore } from '../../lambda/src/adapters/state/memory-state-store.adapter';
import type { Logger, LogLevel } from '../../lambda/src/logging/logger';
import { composeSkill } from '../../lambda/src/compose';
import type { IntentSpec } from '../../lambda/src/intents';
import { ALLOWED_USER, SKILL_ID } from './envelopes';
import { FakeAlarms, FakeDeployments, FakePipelines, MUTATING } from './fake-release-ports';

export const TEST_CONFIG = {
  skillId: SKILL_ID,
  allowedUsers: [ALLOWED_USER, 'amzn1.ask.person.ALLOWED_VOICE'],
  region: 'eu-west-1',
  services: [
    {
      name: 'checkout',
      synonyms: ['checkout service', 'the shop'],
      environments: {
        production: { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' } },
        staging: { pipeline: 'checkout-staging', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } },
      },
    },
    {
      name: 'billing',
      environments: {
        production: { pipeline: 'billing-prod', codeDeploy: { application: 'billing', deploymentGroup: 'billing-prod' } },
      },
    },
  ],
};

export interface LogLine {
  level: LogLevel;
  event: string;
  fields: Record<string, unknown>;
}

/** The real handler chain over in-memory ports, with the log kept for assertions. */
export function testSkill(
  overrides: Partial<Config> | Record<string, unknown> = {},
  options: { now?: () => Date; store?: MemoryStateStore; intents?: readonly IntentSpec[] } = {},
) {
  const config = parseConfig({ ...TEST_CONFIG, ...overrides }, 'test config');
  const now = options.now ?? (() => new Date());
  const store = options.store ?? new MemoryStateStore(now);
  const pipelines = new FakePipelines();
  const deployments = new FakeDeployments();
  const alarms = new FakeAlarms();
  const logs: LogLine[] = [];
  const logger: Logger = { log: (level, event, fields = {}) => logs.push({ level, event, fields }) };
  const skill = composeSkill({ config, pipelines, deployments, alarms, store, logger, now, intents: options.intents });
  const mutations = () => [...pipelines.calls, ...deployments.calls].filter((c) => MUTATING.has(c.op));
  return { skill, config, pipelines, deployments, alarms, logs, mutations, store };
}
