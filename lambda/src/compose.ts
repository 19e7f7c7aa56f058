import type { Skill } from 'ask-sdk-core';
import type { Config } from './config/schema';
import { Catalog } from './domain/catalog';
import { DeliveryReports } from './domain/delivery-reports';
import { EnvironmentLocks } from './domain/locks';
import { PinGuard } from './domain/pin-guard';
import { ReleaseJournal } from './domain/release-journal';
import { ReleasePolicy } from './domain/release-policy';
import { ReleaseService } from './domain/release-service';
import { ShortcutOffers } from './domain/shortcut-offers';
import type { IntentSpec } from './intents';
import type { Logger } from './logging/logger';
import type { AlarmPort } from './ports/alarm.port';
import type { DeploymentPort } from './ports/deployment.port';
import type { PipelinePort } from './ports/pipeline.port';
import type { ProgressiveResponses } from './ports/progressive-response.port';
import type { StateStore } from './ports/state-store.port';
import { remainingMs } from './runtime/deadline';
import { buildSkill } from './skill';
import { DEFAULT_PROGRESS_THRESHOLD_MS, DEFAULT_PROGRESS_TIMEOUT_MS } from './turn/progress';

/** Everything the skill is built from: the config, the ports (real or fake), the clock and the log. */
export interface SkillParts {
  readonly config: Config;
  readonly pipelines: PipelinePort;
  readonly deployments: DeploymentPort;
  readonly alarms: AlarmPort;
  readonly store: StateStore;
  readonly logger: Logger;
  readonly now: () => Date;
  /** The region of targets whose config names none and whose config has no top-level region. */
  readonly fallbackRegion?: string;
  /** The intent table; tests pass a longer one. */
  readonly intents?: readonly IntentSpec[];
  /** Progressive responses while slow reads run (none without); the threshold and timeout are options for tests. */
  readonly progressive?: { readonly responses: ProgressiveResponses; readonly thresholdMs?: number; readonly timeoutMs?: number };
}

/**
 * The one composition of the skill: the Lambda handler (index.ts) and the tests both build it here, so that what
 * the tests drive is what Lambda runs, with only the ports, the clock and the log swapped.
 */
export function composeSkill(parts: SkillParts): Skill {
  const { config, store, now } = parts;
  const pinOptions = { maxAttempts: config.pin?.maxAttempts ?? 3, lockoutMs: (config.pin?.lockoutMinutes ?? 15) * 60_000 };
  const policy = new ReleasePolicy(config, new EnvironmentLocks(store, now), new PinGuard(store, now, pinOptions), now);
  return buildSkill({
    config,
    catalog: new Catalog(config, parts.fallbackRegion),
    releases: new ReleaseService(parts.pipelines, parts.deployments, parts.alarms),
    policy,
    journal: new ReleaseJournal(store, now),
    reports: new DeliveryReports(parts.pipelines, parts.deployments, remainingMs),
    shortcuts: new ShortcutOffers(store),
    logger: parts.logger,
    now,
    progressive: parts.progressive && {
      responses: parts.progressive.responses,
      thresholdMs: parts.progressive.thresholdMs ?? DEFAULT_PROGRESS_THRESHOLD_MS,
      timeoutMs: parts.progressive.timeoutMs ?? DEFAULT_PROGRESS_TIMEOUT_MS,
    },
  }, parts.intents);
}
