/**
 * `npm run deploy` runs this before the build and ask-cli: a config that still names the shipped example users, or
 * the placeholder skill id, is refused here, before anything reaches Amazon or AWS. Such a skill would answer nobody,
 * or refuse every request.
 *
 *   npx tsx tools/deploy/check.ts [--config FILE]     (default: lambda/push-to-prod.json, the config the build bundles)
 */
import { resolve } from 'node:path';
import { loadConfigFile } from '../../lambda/src/config/load';
import { ConfigError } from '../../lambda/src/domain/errors';
import { deployedSkillId } from '../doctor/ask-states';
import { formatFinding, type Finding } from '../doctor/findings';
import { configFindings } from '../doctor/placeholders';
import { DEFAULT_CONFIG_PATH } from '../model/generate';

/** What stops a deploy: the problems among the config's own findings. */
export function deployRefusals(configPath: string, root?: string): Finding[] {
  return configFindings(loadConfigFile(configPath), deployedSkillId(root)).filter((f) => f.level === 'problem');
}

function main(argv: readonly string[]): number {
  const flag = argv.indexOf('--config');
  const configPath = flag >= 0 && argv[flag + 1] !== undefined ? resolve(argv[flag + 1] as string) : DEFAULT_CONFIG_PATH;
  try {
    const refusals = deployRefusals(configPath);
    if (refusals.length === 0) return 0;
    console.error(`Not deploying ${configPath}:`);
    for (const finding of refusals) console.error(formatFinding(finding));
    console.error('Run `npm run setup` to write a config from your AWS account, or edit the file; `npm run doctor` checks it.');
    return 1;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
