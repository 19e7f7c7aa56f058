/**
 * `npm start` / `npm run dialog`: talk to the skill offline, as `ask dialog` does with the deployed one.
 *
 *   npm start                                  interactive; piped input works too
 *   npm start -- --replay tests/dialogs/deploy-yes.json
 *   npm start -- --json < inputs.txt           one JSON object per input on stdout, nothing else
 *
 * Options: --replay FILE, --json, --locale L, --config FILE, --user ID, --person ID, --fault JSON (repeatable),
 * --alarm NAME[=STATE] (repeatable; sets a local CloudWatch alarm, ALARM by default), --save-skill-io FILE,
 * --built (use lambda/dist), --aws (real AWS credentials and endpoints; never in tests), --log.
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { ConfigError } from '../lambda/src/domain/errors';
import { jsonLogger, silentLogger } from '../lambda/src/logging/logger';
import { parseAlarmSetting, parseFaultSpec, type AlarmStateValue, type FaultSpec, type RecordedCall } from './local-aws';
import { readReplayFile, ReplayFileError, SkillResponseRejectedError, transcriptLines, type Turn } from './simulator';
import { startDialog, type DialogSession } from './dialog/session';

/** A --fault that is not JSON, or not a fault: said in one line, before anything starts. */
class FaultArgumentError extends Error {}

function parseFaultArgument(text: string): FaultSpec {
  try {
    return parseFaultSpec(JSON.parse(text));
  } catch (error) {
    throw new FaultArgumentError(`--fault ${text}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--alarm checkout-prod-5xx` or `--alarm checkout-prod-5xx=OK`. */
function parseAlarmArgument(text: string): { name: string; state: AlarmStateValue } {
  const at = text.lastIndexOf('=');
  const [name, state] = at < 0 ? [text, 'ALARM'] : [text.slice(0, at), text.slice(at + 1)];
  try {
    return parseAlarmSetting({ name, state });
  } catch (error) {
    throw new FaultArgumentError(`--alarm ${text}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const USAGE = 'usage: npm start -- [--replay FILE] [--json] [--locale L] [--config FILE] [--user ID] [--person ID] [--fault JSON]… [--alarm NAME[=STATE]]… [--save-skill-io FILE] [--built] [--aws] [--log]';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      replay: { type: 'string' }, json: { type: 'boolean' }, locale: { type: 'string' }, config: { type: 'string' },
      user: { type: 'string' }, person: { type: 'string' }, fault: { type: 'string', multiple: true }, alarm: { type: 'string', multiple: true },
      'save-skill-io': { type: 'string' }, built: { type: 'boolean' }, aws: { type: 'boolean' }, log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const faults = (values.fault ?? []).map(parseFaultArgument);
  const alarms = (values.alarm ?? []).map(parseAlarmArgument);
  const replay = values.replay ? await readReplayFile(values.replay) : undefined;
  const skillIo: { request: RequestEnvelope; response: ResponseEnvelope }[] = [];
  const session = await startDialog({
    configPath: values.config,
    locale: replay?.locale ?? values.locale,
    skillId: replay?.skillId,
    userId: values.user,
    personId: values.person,
    aws: values.aws ? 'real' : 'local',
    built: values.built,
    logger: values.log ? jsonLogger((line) => process.stderr.write(`${line}\n`)) : silentLogger,
    onSkillIo: (request, response) => skillIo.push({ request, response }),
  });
  try {
    for (const fault of faults) session.localAws?.faults.inject(fault);
    for (const { name, state } of alarms) {
      const store = session.localAws?.store;
      if (store && store.alarms.find(name) === undefined) store.alarms.put({ name });
      store?.alarms.setState(name, state);
    }
    const print = values.json ? printJson : printTranscript(colour());
    if (replay) {
      for (const input of replay.userInputs) print(await session.say(input));
    } else {
      await interactive(session, print);
    }
  } finally {
    await session.close();
    if (values['save-skill-io']) writeFileSync(values['save-skill-io'], `${JSON.stringify(skillIo, null, 2)}\n`);
  }
  return 0;
}

type Printer = (said: { turn: Turn; aws: RecordedCall[] }) => void;

async function interactive(session: DialogSession, print: Printer): Promise<void> {
  const tty = process.stdin.isTTY === true;
  const lines = createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: tty });
  if (tty) console.log('Talking to release captain offline. Type what you would say to Alexa; .quit to leave.');
  if (tty) lines.setPrompt('User  > ');
  if (tty) lines.prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '.quit') break;
    if (line !== '') print(await session.say(line));
    if (tty) lines.prompt();
  }
  lines.close();
}

function printTranscript(dim: (text: string) => string): Printer {
  return ({ turn, aws }) => {
    const [user, ...rest] = transcriptLines(turn);
    if (process.stdin.isTTY !== true) console.log(user);
    if (turn.resolved) {
      // The spoken release code stays off the screen, as it stays out of the skill's logs.
      const slots = Object.entries(turn.resolved.slots).map(([name, value]) => `${name}=${name === 'pin' ? '"••••"' : JSON.stringify(value)}`).join(' ');
      console.log(dim(`        ${turn.resolved.intent}${slots ? ` ${slots}` : ''}`));
    }
    for (const call of aws) console.log(dim(`        AWS ${call.operation} ${JSON.stringify(call.input)}`));
    for (const line of rest) console.log(line);
    for (const line of whyItFailed(turn.error)) console.log(dim(`        ${line}`));
  };
}

/** What the device leaves unsaid after "There was a problem…": the rules a refused response broke, or what was thrown. */
function whyItFailed(error: unknown): string[] {
  if (error === undefined) return [];
  if (error instanceof SkillResponseRejectedError) return error.breaches.map((breach) => `refused by Alexa's rule ${breach.rule}: ${breach.detail}`);
  return [`failed: ${error instanceof Error ? error.message : String(error)}`];
}

function printJson({ turn, aws }: { turn: Turn; aws: RecordedCall[] }): void {
  process.stdout.write(`${JSON.stringify({
    user: turn.user, requests: turn.requests, responses: turn.responses, alexa: turn.alexa,
    aws: aws.map((call) => ({ op: call.operation, input: call.input })),
    ...(turn.error === undefined ? {} : { error: whyItFailed(turn.error) }),
  })}\n`);
}

function colour(): (text: string) => string {
  return process.stdout.isTTY && !process.env.NO_COLOR ? (text) => `\x1b[2m${text}\x1b[22m` : (text) => text;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof ReplayFileError || error instanceof FaultArgumentError) console.error(error.message);
    else if (error instanceof TypeError && /parseArgs|Unknown option|ERR_PARSE_ARGS/.test(`${error.message}${(error as { code?: string }).code ?? ''}`)) console.error(`${error.message}\n${USAGE}`);
    else console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exitCode = 2;
  },
);
