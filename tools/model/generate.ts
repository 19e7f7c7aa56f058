/**
 * `npm run model [-- --config FILE]`: regenerates what the config decides in the deployed artefacts —
 * the SERVICE and ENVIRONMENT slot types of every locale's interaction model, and, in the CloudFormation template, the
 * release policy of the Lambda role and the notifier's block (its role, and the EventBridge rules for the configured
 * pipelines and deployment groups). Running it twice changes nothing the second time.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_PATH_VARIABLE, loadConfigFile } from '../../lambda/src/config/load';
import { DERIVED_ENGLISH_LOCALES, deriveEnglishModel, SOURCE_LOCALE } from './english-locales';
import { formatJson, withGeneratedSlotTypes, type InteractionModel } from './interaction-model';
import { replacePolicyBlock } from './iam-policy';
import { replaceNotifierBlock } from './notifier-stack';

const ROOT = resolve(__dirname, '..', '..');
export const MODELS_DIR = join(ROOT, 'skill-package', 'interactionModels', 'custom');
export const TEMPLATE_PATH = join(ROOT, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml');
export const DEFAULT_CONFIG_PATH = join(ROOT, 'lambda', 'push-to-prod.json');

/** `--config FILE` wins, then PUSH_TO_PROD_CONFIG, then the bundled config. */
export function configPathFrom(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const flag = argv.indexOf('--config');
  if (flag >= 0) {
    const path = argv[flag + 1];
    if (path === undefined || path.startsWith('--')) throw new Error('--config needs a file name');
    return resolve(path);
  }
  const fromEnv = env[CONFIG_PATH_VARIABLE];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return resolve(fromEnv);
  return DEFAULT_CONFIG_PATH;
}

/** Rewrites a file only when its content changes (or it does not exist yet); returns whether it did. */
function writeIfChanged(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  writeFileSync(path, content);
  return true;
}

export interface Artefacts {
  /** Folder of the locales' interaction models (skill-package/interactionModels/custom). */
  readonly modelsDir?: string;
  /** The CloudFormation template whose release policy is generated. */
  readonly templatePath?: string;
}

/**
 * Regenerates the English markets' models from en-US's (english-locales.ts), every locale's slot types and the
 * template's release policy from the config at `configPath`; returns each file with whether it changed.
 * `npm run model` and `npm run setup` both call this.
 */
export function regenerate(configPath: string, { modelsDir = MODELS_DIR, templatePath = TEMPLATE_PATH }: Artefacts = {}): { path: string; changed: boolean }[] {
  const config = loadConfigFile(configPath);
  const written: { path: string; changed: boolean }[] = [];
  const readModel = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as InteractionModel;
  const sourcePath = join(modelsDir, `${SOURCE_LOCALE}.json`);
  const derived = new Set<string>();
  if (existsSync(sourcePath)) {
    const source = readModel(sourcePath);
    for (const locale of DERIVED_ENGLISH_LOCALES) {
      const path = join(modelsDir, `${locale}.json`);
      derived.add(path);
      written.push({ path, changed: writeIfChanged(path, formatJson(withGeneratedSlotTypes(deriveEnglishModel(source, locale), config, locale))) });
    }
  }
  for (const file of readdirSync(modelsDir).filter((name) => name.endsWith('.json')).sort()) {
    const path = join(modelsDir, file);
    if (derived.has(path)) continue;
    const locale = file.replace(/\.json$/, '');
    written.push({ path, changed: writeIfChanged(path, formatJson(withGeneratedSlotTypes(readModel(path), config, locale))) });
  }
  const template = replaceNotifierBlock(replacePolicyBlock(readFileSync(templatePath, 'utf8'), config), config);
  written.push({ path: templatePath, changed: writeIfChanged(templatePath, template) });
  return written;
}

function main(): void {
  const configPath = configPathFrom(process.argv.slice(2), process.env);
  console.log(`config: ${configPath}`);
  for (const { path, changed } of regenerate(configPath)) console.log(`${changed ? 'updated  ' : 'unchanged'} ${path}`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
