/**
 * `npm start` / `npm run dialog`: talk to the skill offline, as `ask dialog` does with the deployed one.
 *
 *   npm start                                  interactive; piped input works too
 *   npm start -- --replay tests/dialogs/deploy-yes.json
 *   npm start -- --json < inputs.txt           one JSON object per input on stdout, nothing else
 *   npm start -- --task PushToProd --task-input '{"service":"checkout","environment":"production"}'
 *                                              a routine or Quick Link launching a custom task, then the conversation
 *
 * `npm start -- --help` lists every option (OPTIONS below). Whatever goes wrong before the first turn is said in one
 * line, with exit code 2, and nothing is left listening.
 */
import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { ConfigError } from '../lambda/src/domain/errors';
import { jsonLogger, silentLogger } from '../lambda/src/logging/logger';
import { parseAlarmSetting, parseFaultSpec, type AlarmStateValue, type FaultSpec, type RecordedCall } from './local-aws';
import { cardsOf, readReplayFile, ReplayFileError, SkillResponseRejectedError, transcriptLines, type Turn } from './simulator';
import { builtDir, DialogSetupError, startDialog, type DialogSession } from './dialog/session';
import type { PolledNotifications, SessionNotifications } from './dialog/notifications';
import { swallowedByNpm, swallowedMessage } from './npm-args';
import { lineWriter, processIo, type ToolIo } from './tool-io';

import { DEVICE_KINDS, type DeviceKind } from './simulator/device';

/** What a run reads and writes (tool-io.ts): the tests run most refusals in-process, with their own. */
export type CliIo = ToolIo;

/** Something in the arguments or the machine the run cannot go on with: said in one line, before anything starts. */
class UsageError extends Error {}

/** Every option, with what `--help` says of it: parseArgs reads the same table, so the help cannot miss one. */
const OPTIONS = {
  replay: { type: 'string', value: 'FILE', help: 'play an ask dialog replay file ({"skillId", "locale", "type": "text", "userInput": [...]})' },
  json: { type: 'boolean', help: 'one JSON object per input on stdout and nothing else' },
  task: { type: 'string', value: 'NAME', help: 'start with a custom task launch (PushToProd or Rollback), as a routine or Quick Link does' },
  'task-input': { type: 'string', value: 'JSON', help: 'the task\'s input, e.g. {"service":"checkout","environment":"production"}' },
  locale: { type: 'string', value: 'LOCALE', help: "talk in another of the model's locales (default en-US)" },
  device: { type: 'string', value: 'KIND', help: 'speaker (default, no screen) or show: an Echo Show, whose screens print as [screen: …] lines' },
  config: { type: 'string', value: 'FILE', help: 'another config (default: tools/demo/push-to-prod.demo.json)' },
  user: { type: 'string', value: 'ID', help: 'speak as another Alexa user id (try a stranger)' },
  person: { type: 'string', value: 'ID', help: 'speak as a recognised voice profile (person id)' },
  fault: { type: 'string', multiple: true, value: 'JSON', help: 'make the local AWS misbehave, e.g. {"kind":"throttle","service":"codepipeline","times":5}; repeatable' },
  alarm: { type: 'string', multiple: true, value: 'NAME[=STATE]', help: 'set a local CloudWatch alarm (ALARM unless a state is given, e.g. checkout-prod-5xx=OK); repeatable' },
  'save-skill-io': { type: 'string', value: 'FILE', help: 'write every request and response the skill saw to FILE' },
  built: { type: 'boolean', help: 'talk to the esbuild bundle in lambda/dist (run npm run build first) instead of the sources' },
  aws: { type: 'boolean', help: 'use your real AWS credentials and endpoints instead of the local stand-in (never in tests)' },
  log: { type: 'boolean', help: "the skill's JSON log lines (audit included) on stderr" },
  notify: { type: 'boolean', help: 'run the notifier on releases that end and print [notification] lines; at the end, wait for the ones this session started' },
  help: { type: 'boolean', short: 'h', help: 'this list' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string; value?: string; help: string }>;

/** How long --notify waits, after the last input, for the releases the session started to end. */
const NOTIFY_WAIT_MS = 120_000;
const NOTIFY_POLL_MS = 500;

function usage(): string {
  const rows = Object.entries(OPTIONS).map(([name, option]) => [`--${name}${'value' in option ? ` ${option.value}` : ''}`, option.help] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return ['usage: npm start -- [options]   (options go after --, or npm keeps them)', '', ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`)].join('\n');
}

function parseFaultArgument(text: string): FaultSpec {
  try {
    return parseFaultSpec(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`--fault ${text}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--device show`: the simulated device. */
function parseDevice(text: string | undefined): DeviceKind | undefined {
  if (text === undefined) return undefined;
  const kind = DEVICE_KINDS.find((k) => k === text);
  if (kind === undefined) throw new UsageError(`--device ${text}: expected one of ${DEVICE_KINDS.join(', ')}`);
  return kind;
}

/** A --task-input that is not a JSON object, or a --task beside a replay file that has its own. */
class TaskArgumentError extends Error {}

function parseTaskInput(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new TaskArgumentError(`--task-input ${text}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TaskArgumentError(`--task-input ${text}: expected a JSON object`);
  return input as Record<string, unknown>;
}

/** `--alarm checkout-prod-5xx` or `--alarm checkout-prod-5xx=OK`. */
function parseAlarmArgument(text: string): { name: string; state: AlarmStateValue } {
  const at = text.lastIndexOf('=');
  const [name, state] = at < 0 ? [text, 'ALARM'] : [text.slice(0, at), text.slice(at + 1)];
  try {
    return parseAlarmSetting({ name, state });
  } catch (error) {
    throw new UsageError(`--alarm ${text}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Refuses a --save-skill-io path that could not be written, before the run rather than after it. */
function checkWritable(path: string): void {
  const target = resolve(path);
  try {
    if (existsSync(target)) {
      if (statSync(target).isDirectory()) throw new UsageError(`--save-skill-io ${path}: is a folder`);
      accessSync(target, constants.W_OK);
    } else {
      accessSync(dirname(target), constants.W_OK);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--save-skill-io ${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/**
 * With --aws, the skill would meet missing credentials only at its first AWS call, where they read like a refusal by
 * IAM. The SDK's own chain is asked first, so that "no credentials" is said as such.
 */
async function checkAwsCredentials(): Promise<void> {
  const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
  try {
    await defaultProvider()();
  } catch (error) {
    throw new UsageError(`--aws: no AWS credentials found (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); set AWS_PROFILE, or run \`aws configure\``);
  }
}

async function converse(argv: string[], io: CliIo): Promise<number> {
  const out = lineWriter(io.stdout);
  const swallowed = swallowedByNpm(Object.keys(OPTIONS), io.env);
  if (swallowed.length > 0) throw new UsageError(swallowedMessage('start', swallowed));
  const { values } = parseArgs({ args: argv, options: OPTIONS });
  if (values.help) {
    out(usage());
    return 0;
  }
  const faults = (values.fault ?? []).map(parseFaultArgument);
  const alarms = (values.alarm ?? []).map(parseAlarmArgument);
  if (values['save-skill-io'] !== undefined) checkWritable(values['save-skill-io']);
  if (values.aws) await checkAwsCredentials();
  const replay = values.replay ? await readReplayFile(values.replay) : undefined;
  if (values['task-input'] !== undefined && values.task === undefined) throw new TaskArgumentError('--task-input needs --task NAME');
  if (values.task !== undefined && replay?.task !== undefined) throw new TaskArgumentError(`--task ${values.task}: ${values.replay} launches its own task`);
  const task = values.task !== undefined ? { name: values.task, input: parseTaskInput(values['task-input']), version: '1' } : replay?.task;
  const skillIo: { request: RequestEnvelope; response: ResponseEnvelope }[] = [];
  const session = await startDialog({
    configPath: values.config,
    locale: replay?.locale ?? values.locale,
    skillId: replay?.skillId,
    userId: values.user,
    personId: values.person,
    aws: values.aws ? 'real' : 'local',
    built: values.built,
    distDir: builtDir(io.env),
    logger: values.log ? jsonLogger(lineWriter(io.stderr)) : silentLogger,
    onSkillIo: (request, response) => skillIo.push({ request, response }),
    notifications: values.notify === true,
    device: parseDevice(values.device),
  });
  try {
    for (const fault of faults) session.localAws?.faults.inject(fault);
    for (const { name, state } of alarms) {
      const store = session.localAws?.store;
      if (store && store.alarms.find(name) === undefined) store.alarms.put({ name });
      store?.alarms.setState(name, state);
    }
    const notices = session.notifications && watchNotifications(session.notifications, values.json ? printNoticesJson(io) : printNotices(out, colour(io)));
    const print = values.json ? printJson(io) : printTranscript(io, colour(io));
    if (task) print(await session.startTask(task.name, task.input, task.version));
    if (replay) {
      for (const input of replay.userInputs) print(await session.say(input));
    } else {
      await interactive(session, print, io);
    }
    await notices?.drain();
  } finally {
    await session.close();
    if (values['save-skill-io']) writeFileSync(values['save-skill-io'], `${JSON.stringify(skillIo, null, 2)}\n`);
  }
  return 0;
}

type Printer = (said: { turn: Turn; aws: RecordedCall[] }) => void;

async function interactive(session: DialogSession, print: Printer, io: CliIo): Promise<void> {
  const tty = io.stdin.isTTY === true;
  const lines = createInterface({ input: io.stdin, output: tty ? io.stdout : undefined, terminal: tty });
  if (tty) lineWriter(io.stdout)('Talking to release captain offline. Type what you would say to Alexa; .quit to leave.');
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

function printTranscript(io: CliIo, dim: (text: string) => string): Printer {
  const log = lineWriter(io.stdout);
  return ({ turn, aws }) => {
    const [user, ...rest] = transcriptLines(turn);
    // At a terminal the user's own line is already on the screen; a task launch is not.
    if (io.stdin.isTTY !== true || turn.task) log(user as string);
    if (turn.resolved) {
      // The spoken release code stays off the screen, as it stays out of the skill's logs.
      const slots = Object.entries(turn.resolved.slots).map(([name, value]) => `${name}=${name === 'pin' ? '"••••"' : JSON.stringify(value)}`).join(' ');
      log(dim(`        ${turn.resolved.intent}${slots ? ` ${slots}` : ''}`));
    }
    for (const call of aws) log(dim(`        AWS ${call.operation} ${JSON.stringify(call.input)}`));
    for (const line of rest) {
      log(line);
      // Under a card's title, the details the Alexa app shows beyond what was said: ids, console links, who and when.
      if (line.startsWith('Card  > ')) {
        const card = cardsOf(turn).find((c) => line === `Card  > ${c.title ?? ''}`);
        for (const detail of (card?.content ?? '').split('\n\n').slice(1).join('\n').split('\n')) if (detail !== '') log(dim(`        ${detail}`));
      }
    }
    for (const line of whyItFailed(turn.error)) log(dim(`        ${line}`));
  };
}
/** What the device leaves unsaid after "There was a problem…": the rules a refused response broke, or what was thrown. */
function whyItFailed(error: unknown): string[] {
  if (error === undefined) return [];
  if (error instanceof SkillResponseRejectedError) return error.breaches.map((breach) => `refused by Alexa's rule ${breach.rule}: ${breach.detail}`);
  return [`failed: ${error instanceof Error ? error.message : String(error)}`];
}

type NoticePrinter = (polled: PolledNotifications) => void;

/**
 * Polls the notifier while the session runs (a timer that keeps no process alive); `drain` then waits, up to a
 * limit, for the releases the session started to end, so that their notifications are printed before it closes.
 */
function watchNotifications(notifications: SessionNotifications, print: NoticePrinter): { drain(): Promise<void> } {
  let chain = Promise.resolve();
  const poll = () => {
    chain = chain.then(async () => print(await notifications.poll()));
    return chain;
  };
  const timer = setInterval(() => void poll(), NOTIFY_POLL_MS);
  timer.unref();
  return {
    async drain() {
      const until = Date.now() + NOTIFY_WAIT_MS;
      await poll();
      while (notifications.running() > 0 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, NOTIFY_POLL_MS));
        await poll();
      }
      clearInterval(timer);
      await chain;
    },
  };
}

function printNotices(log: (line: string) => void, dim: (text: string) => string): NoticePrinter {
  return ({ runs, notifications }) => {
    for (const run of runs) log(dim(`        notifier: ${run.release} → ${run.outcome}`));
    for (const text of notifications) log(`[notification] ${text}`);
  };
}

function printNoticesJson(io: CliIo): NoticePrinter {
  return ({ runs, notifications }) => {
    if (runs.length > 0 || notifications.length > 0) io.stdout.write(`${JSON.stringify({ notifier: runs, notifications })}\n`);
  };
}

function printJson(io: CliIo): Printer {
  return ({ turn, aws }) => io.stdout.write(`${JSON.stringify({
    user: turn.user, ...(turn.task ? { task: turn.task } : {}), requests: turn.requests, responses: turn.responses, alexa: turn.alexa, screens: turn.screens,
    aws: aws.map((call) => ({ op: call.operation, input: call.input })),
    ...(turn.error === undefined ? {} : { error: whyItFailed(turn.error) }),
  })}\n`);
}

function colour(io: CliIo): (text: string) => string {
  return io.stdout.isTTY && !io.env.NO_COLOR ? (text) => `\x1b[2m${text}\x1b[22m` : (text) => text;
}

/** One run of `npm start` with these arguments: its exit code. Whatever goes wrong is said on stderr, in one line. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await converse(argv, io);
  } catch (error) {
    const say = lineWriter(io.stderr);
    const known = error instanceof ConfigError || error instanceof ReplayFileError || error instanceof UsageError || error instanceof DialogSetupError
      || error instanceof TaskArgumentError;
    if (known) say(error.message);
    else if (error instanceof TypeError && /ERR_PARSE_ARGS/.test((error as { code?: string }).code ?? '')) say(`${error.message}\n${usage()}`);
    // Anything else in one line too: a stack trace helps nobody who is trying the skill out (--log shows the skill's own).
    else say(`npm start failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
