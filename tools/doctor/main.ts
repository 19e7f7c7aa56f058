/**
 * `npm run doctor [-- --config FILE] [--region R]`: checks the config against your AWS account and prints one line
 * per finding, with what to do. Exits 1 when there is a problem, 2 when it cannot check at all (no credentials, no
 * config), 0 otherwise (warnings included).
 */
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../../lambda/src/config/load';
import { ConfigError } from '../../lambda/src/domain/errors';
import { accountClients, AccountAccessError } from '../account/clients';
import { configPathFrom } from '../model/generate';
import { swallowedByNpm, swallowedMessage } from '../npm-args';
import { deployedSkillId } from './ask-states';
import { diagnose } from './doctor';
import { formatFinding, hasProblem } from './findings';
import { lineWriter, processIo, type ToolIo } from '../tool-io';

const OPTIONS = {
  config: { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

async function check(argv: string[], io: ToolIo): Promise<number> {
  const log = lineWriter(io.stdout);
  const swallowed = swallowedByNpm(Object.keys(OPTIONS), io.env);
  if (swallowed.length > 0) throw new UsageError(swallowedMessage('run doctor', swallowed));
  const { values } = parseArgs({ args: argv, options: OPTIONS });
  if (values.help) {
    log('usage: npm run doctor -- [--config FILE] [--region REGION]\n\n  --config FILE    the config to check (default: $PUSH_TO_PROD_CONFIG, else lambda/push-to-prod.json)\n  --region REGION  where environments without a region are looked for, when the config names none (default: the SDK\'s)');
    return 0;
  }
  const configPath = configPathFrom(values.config === undefined ? [] : ['--config', values.config], io.env);
  const config = loadConfigFile(configPath);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const clients = await accountClients({ region: values.region });
  try {
    log(`doctor: ${configPath}`);
    const findings = await diagnose(config, clients, { deployedSkillId: deployedSkillId() });
    for (const finding of findings) log(formatFinding(finding));
    const problems = findings.filter((f) => f.level === 'problem').length;
    const warnings = findings.filter((f) => f.level === 'warning').length;
    log(`doctor: ${problems} problem(s), ${warnings} warning(s)`);
    return hasProblem(findings) ? 1 : 0;
  } finally {
    clients.destroy();
  }
}

/**
 * One run of `npm run doctor`: its exit code. The AWS SDK reads its credentials and endpoints from process.env
 * whatever `io.env` holds.
 */
export async function main(argv: string[], io: ToolIo = processIo()): Promise<number> {
  try {
    return await check(argv, io);
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof AccountAccessError || error instanceof UsageError;
    lineWriter(io.stderr)(`doctor: ${known ? error.message : error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
