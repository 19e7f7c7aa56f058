/**
 * `npm start` / `npm run dialog`: talk to the skill offline, as `ask dialog` does with the deployed one.
 *
 *   npm start                                  interactive; piped input works too
 *   npm start -- --replay tests/dialogs/deploy-yes.json
 *   npm start -- --json < inputs.txt           one JSON object per input on stdout, nothing else
 *
 * Options: --replay FILE, --json, --locale L, --config FILE, --user ID, --person ID, --fault JSON (repeatable),
 * --save-skill-io FILE, --built (use lambda/dist), --aws (real AWS credentials and endpoints; never in tests), --log,
 * --notify (run the notifier on releases that end; at the end, wait for the ones this session started).
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { ConfigError } from '../lambda/src/domain/errors';
import { jsonLogger, silentLogger } from '../lambda/src/logging/logger';
import { parseFaultSpec, type FaultSpec, type RecordedCall } from './local-aws';
import { readReplayFile, ReplayFileError, SkillResponseRejectedError, transcriptLines, type Turn } from './simulator';
import { startDialog, type DialogSession } from './dialog/session';
import type { PolledNotifications, SessionNotifications } from './dialog/notifications';

/** A --fault that is not JSON, or not a fault: said in one line, before anything starts. */
class FaultArgumentError extends Error {}

function parseFaultArgument(text: string): FaultSpec {
  try {
    return parseFaultSpec(JSON.parse(text));
  } catch (error) {
    throw new FaultArgumentError(`--fault ${text}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const USAGE = 'usage: npm start -- [--replay FILE] [--json] [--locale L] [--config FILE] [--user ID] [--person ID] [--fault JSON]… [--save-skill-io FILE] [--built] [--aws] [--log] [--notify]';
/** How long --notify waits, after the last input, for the releases the session started to end. */
const NOTIFY_WAIT_MS = 120_000;
const NOTIFY_POLL_MS = 500;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      replay: { type: 'string' }, json: { type: 'boolean' }, locale: { type: 'string' }, config: { type: 'string' },
      user: { type: 'string' }, person: { type: 'string' }, fault: { type: 'string', multiple: true },
      'save-skill-io': { type: 'string' }, built: { type: 'boolean' }, aws: { type: 'boolean' }, log: { type: 'boolean' },
      notify: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const faults = (values.fault ?? []).map(parseFaultArgument);
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
    notifications: values.notify === true,
  });
  try {
    for (const fault of faults) session.localAws?.faults.inject(fault);
    const print = values.json ? printJson : printTranscript(colour());
    const notices = session.notifications && watchNotifications(session.notifications, values.json ? printNoticesJson : printNotices(colour()));
    if (replay) {
      for (const input of replay.userInputs) print(await session.say(input));
    } else {
      await interactive(session, print);
    }
    await notices?.drain();
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

function printNotices(dim: (text: string) => string): NoticePrinter {
  return ({ runs, notifications }) => {
    for (const run of runs) console.log(dim(`        notifier: ${run.release} → ${run.outcome}`));
    for (const text of notifications) console.log(`[notification] ${text}`);
  };
}

function printNoticesJson({ runs, notifications }: PolledNotifications): void {
  if (runs.length > 0 || notifications.length > 0) process.stdout.write(`${JSON.stringify({ notifier: runs, notifications })}\n`);
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
