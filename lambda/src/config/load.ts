import { readFileSync } from 'node:fs';
import { ConfigError } from '../domain/errors';
import type { BundledConfig } from './bundled';
import type { Config } from './schema';

/** The environment variable that points the skill at a config file. */
export const CONFIG_PATH_VARIABLE = 'PUSH_TO_PROD_CONFIG';

/**
 * The schema, and zod with it, required by the first config that needs validating: building them costs a cold start
 * about as much as answering a LaunchRequest, and the deployed skill's own config was validated when it was built
 * (bundled.ts). The build puts the schema in a file of its own, config-schema.js.
 */
/* eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, see above */
const schema = () => require('./schema') as typeof import('./schema');

/** Validates an already parsed config; throws ConfigError naming each bad field. */
export function parseConfig(raw: unknown, source: string): Config {
  const result = schema().ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  throw new ConfigError(source, issues, { cause: result.error });
}

/** Reads and validates a config file; throws ConfigError when it is missing, not JSON, or invalid. */
export function loadConfigFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`], { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [`is not valid JSON: ${(error as Error).message}`], { cause: error });
  }
  return parseConfig(raw, path);
}

/**
 * The config the skill runs with: the file named by PUSH_TO_PROD_CONFIG when set, else the bundled one, validated
 * here unless the build has validated it already.
 */
export function resolveConfig(env: NodeJS.ProcessEnv, bundled: BundledConfig): Config {
  const path = env[CONFIG_PATH_VARIABLE];
  if (path !== undefined && path.trim() !== '') return loadConfigFile(path);
  return bundled.validated ? bundled.config : parseConfig(bundled.config, 'bundled config');
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}
