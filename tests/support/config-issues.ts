import { parseConfig } from '../../lambda/src/config/load';
import { ConfigError } from '../../lambda/src/domain/errors';

/** The issues a config is refused with; fails the test when the config is accepted. */
export function issuesOf(raw: unknown): readonly string[] {
  try {
    parseConfig(raw, 'test');
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be refused');
}
