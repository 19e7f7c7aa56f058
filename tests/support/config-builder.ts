import { parseConfig } from '../../lambda/src/config/load';
import type { Config } from '../../lambda/src/config/schema';

type RawService = { name: string; synonyms?: string[]; environments: Record<string, Record<string, unknown>> };

/** A valid config around `services`, checked by the real schema so a test cannot build an impossible one. */
export function configWith(services: RawService[], extra: Record<string, unknown> = {}): Config {
  return parseConfig({
    skillId: 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555',
    allowedUsers: ['amzn1.ask.account.TEST'],
    services,
    ...extra,
  }, 'test config');
}

/** An environment that only needs to exist. */
export const pipelineOnly = (pipeline: string): Record<string, unknown> => ({ pipeline });
