/**
 * `npm run setup [-- --yes] [--out FILE] [--region R]`: writes the config from what is in your AWS account.
 *
 * Reads pipelines and CodeDeploy groups with your AWS credentials (AWS_PROFILE, …), proposes services and
 * environments, asks which to keep (--yes takes them all), merges them into the existing config (its people are kept)
 * and regenerates the interaction model and the IAM policy, as `npm run model` does. With --out elsewhere than
 * lambda/push-to-prod.json the model and policy are left alone: they must match the config the build bundles.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../../lambda/src/domain/errors';
import { AccountAccessError } from '../account/clients';
import { DEFAULT_CONFIG_PATH } from '../model/generate';
import { swallowedByNpm, swallowedMessage } from '../npm-args';
import { inquirerPrompter } from './prompter';
import { runSetup, SetupError } from './setup';
import { lineWriter, processIo, type ToolIo } from '../tool-io';

const OPTIONS = {
  yes: { type: 'boolean', short: 'y', help: 'take every proposal without asking' },
  out: { type: 'string', value: 'FILE', help: 'write the config here (default lambda/push-to-prod.json)' },
  region: { type: 'string', value: 'REGION', help: "read this region (default: the SDK's, from AWS_REGION or your profile)" },
  help: { type: 'boolean', short: 'h', help: 'this list' },
} as const;

async function setup(argv: string[], io: ToolIo): Promise<number> {
  const log = lineWriter(io.stdout);
  const swallowed = swallowedByNpm(Object.keys(OPTIONS), io.env);
  if (swallowed.length > 0) throw new SetupError(swallowedMessage('run setup', swallowed));
  const { values } = parseArgs({ args: argv, options: OPTIONS });
  if (values.help) {
    log(['usage: npm run setup -- [options]', '', ...Object.entries(OPTIONS).map(([name, o]) => `  --${`${name}${'value' in o ? ` ${o.value}` : ''}`.padEnd(14)} ${o.help}`)].join('\n'));
    return 0;
  }
  const out = resolve(values.out ?? DEFAULT_CONFIG_PATH);
  const bundled = out === DEFAULT_CONFIG_PATH;
  const interactive = values.yes !== true;
  if (interactive && io.stdin.isTTY !== true) throw new SetupError('setup asks questions: run it in a terminal, or pass --yes to take every proposal');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  await runSetup({
    out, yes: !interactive, region: values.region, prompter: interactive ? await inquirerPrompter() : undefined,
    artefacts: bundled ? {} : false, log,
  });
  if (!bundled) log(`The model and policy follow lambda/push-to-prod.json; after copying ${out} there, run npm run model.`);
  log('Next: npm run doctor checks the config against the account; npm run deploy deploys it.');
  return 0;
}

/** One run of `npm run setup`: its exit code. The AWS SDK reads its credentials from process.env whatever `io.env` holds. */
export async function main(argv: string[], io: ToolIo = processIo()): Promise<number> {
  try {
    return await setup(argv, io);
  } catch (error) {
    const known = error instanceof SetupError || error instanceof AccountAccessError || error instanceof ConfigError;
    const prompt = error instanceof Error && error.name === 'ExitPromptError';
    lineWriter(io.stderr)(prompt ? 'setup: stopped, nothing written' : `setup: ${known ? error.message : error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return prompt ? 130 : 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
