/**
 * Runs local-aws on its own, seeded from a config, and prints the environment a skill process needs to use it.
 *
 *   npx tsx tools/local-aws/main.ts [config.json] [--port 4566] [--stage-duration-ms 3000]
 *   npx tsx tools/local-aws/main.ts --sample-account     (an account to try `npm run setup` and `npm run doctor` on)
 *
 * The config defaults to $PUSH_TO_PROD_CONFIG, else lambda/push-to-prod.json. Stops on Ctrl-C or SIGTERM.
 */
import { resolve } from 'node:path';
import { CONFIG_PATH_VARIABLE, loadConfigFile } from '../../lambda/src/config/load';
import { seedSampleAccount } from './sample-account';
import { SIMULATOR_HISTORY_WEEKS } from './seed';
import { startLocalAws } from './server';

interface Arguments {
  readonly configPath: string;
  readonly port: number;
  readonly stageDurationMs?: number;
  readonly sampleAccount: boolean;
}

function parseArguments(argv: readonly string[], env: NodeJS.ProcessEnv): Arguments {
  let configPath = env[CONFIG_PATH_VARIABLE] ?? resolve(__dirname, '../../lambda/push-to-prod.json');
  let port = 0;
  let stageDurationMs: number | undefined;
  let sampleAccount = false;
  const number = (flag: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (value === undefined || !Number.isInteger(parsed) || parsed < 0) throw new Error(`${flag} needs a whole number`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--port') port = number(arg, argv[(i += 1)]);
    else if (arg === '--stage-duration-ms') stageDurationMs = number(arg, argv[(i += 1)]);
    else if (arg === '--sample-account') sampleAccount = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else configPath = arg;
  }
  return { configPath, port, stageDurationMs, sampleAccount };
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2), process.env);
  const config = args.sampleAccount ? undefined : loadConfigFile(args.configPath);
  const aws = await startLocalAws({
    config, port: args.port, stageDurationMs: args.stageDurationMs, ...(args.sampleAccount ? {} : { historyWeeks: SIMULATOR_HISTORY_WEEKS }),
    ...(args.sampleAccount ? { strictRegion: true, stateTable: 'push-to-prod-state' } : {}),
  });
  if (args.sampleAccount) seedSampleAccount(aws.store);
  process.stdout.write(`local-aws is listening on ${aws.url} (${args.sampleAccount ? 'the sample account' : `config ${args.configPath}`}). Use it with:\n\n`);
  for (const [name, value] of Object.entries(aws.env)) process.stdout.write(`export ${name}=${value}\n`);
  process.stdout.write(`\nPipelines: ${aws.store.pipelineNames().join(', ') || '(none)'}\n`);
  process.stdout.write(`Faults: curl -X POST ${aws.url}/_local/faults -d '{"kind":"throttle","times":1}'\n`);
  const stop = () => {
    aws.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
