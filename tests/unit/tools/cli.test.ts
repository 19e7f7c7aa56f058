import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../tools/cli';
import { testIo } from '../../support/tool-io';

const ROOT = join(__dirname, '..', '..', '..');
/** An empty home: no AWS profile, no credentials, whatever the machine running the tests has. */
const home = mkdtempSync(join(tmpdir(), 'ptp-cli-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface Run { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/**
 * `npm start` as a person runs it: a fresh process, with its own arguments, input and environment, killed after 60 s
 * (each takes a few seconds alone; eight at once on a busy 2-core machine take much longer).
 */
function npmStart(args: readonly string[], input = '', env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tools', 'cli.ts'), ...args], {
    cwd: ROOT, timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: home, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_EC2_METADATA_DISABLED: 'true', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  child.stdin.end(input);
  return new Promise((done) => child.on('close', (status, signal) => done({ status, signal, stdout, stderr })));
}

/**
 * The same run in this process: tools/cli.ts's main with this input, output and environment (the process's own
 * variables are not read). A tsx process costs over a second of CPU, so one run, a whole conversation with its input,
 * output and exit code, is a real process: it proves the wiring that every run shares.
 */
async function inProcess(args: readonly string[], input = '', env: Record<string, string> = {}): Promise<Run> {
  const { io, stdout, stderr } = testIo({ PATH: process.env.PATH, HOME: home, ...env }, input);
  const status = await main([...args], io);
  return { status, signal: null, stdout: stdout(), stderr: stderr() };
}

/**
 * An in-process run where the AWS SDK finds no credentials, as in a fresh process with an empty home: the SDK reads
 * process.env (HOME, AWS_*), not the run's environment, so for the run those are the empty home's and nothing else.
 * Nothing else may run meanwhile (the in-process runs that talk to the local AWS need its credentials).
 */
async function inProcessWithoutAwsCredentials(args: readonly string[], input = ''): Promise<Run> {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
  Object.assign(process.env, { HOME: home, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  try {
    return await inProcess(args, input);
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

/**
 * Every run starts at once, each test awaits its own, except the one without AWS credentials, which runs first and
 * alone (it changes process.env while it runs).
 */
const runs: Record<string, Promise<Run>> = {};
beforeAll(async () => {
  // The skill loads the AWS SDK with its first AWS call, within that call's deadline. Through jest's module system the
  // load takes several times as long as in a process of its own (on a loaded machine, past the deadline), so the
  // in-process runs find it loaded, as a warm Lambda would.
  await import('../../../lambda/src/adapters/aws/sdk');
  const awsWithoutCredentials = await inProcessWithoutAwsCredentials(['--aws'], 'push to prod\n');
  Object.assign(runs, {
    faultNotJson: inProcess(['--fault', 'nope'], 'push to prod\n'),
    faultUnknownService: inProcess(['--fault', '{"kind":"accessDenied","service":"s3"}'], 'push to prod\n'),
    builtWithoutBuild: inProcess(['--built'], 'push to prod\n', { PUSH_TO_PROD_DIST: join(home, 'no-dist') }),
    awsWithoutCredentials: Promise.resolve(awsWithoutCredentials),
    unknownLocale: inProcess(['--locale', 'it-IT'], 'push to prod\n'),
    unwritableSkillIo: inProcess(['--save-skill-io', join(home, 'no-such-folder', 'io.json')], 'push to prod\n'),
    // `npm start --json` runs the script with no argument and npm_config_json=true.
    jsonSwallowedByNpm: inProcess([], 'push to prod\n', { npm_config_json: 'true' }),
    help: inProcess(['--help']),
    task: npmStart(['--task', 'PushToProd', '--task-input', '{"service":"checkout","environment":"production"}'], 'yes\n'),
    taskInputNotObject: inProcess(['--task', 'PushToProd', '--task-input', '["prod"]'], 'yes\n'),
    deviceUnknown: inProcess(['--device', 'tv'], 'push to prod\n'),
    alarmUnknownState: inProcess(['--alarm', 'checkout-prod-5xx=RED'], 'push to prod\n'),
    alarmFiring: inProcess(['--config', 'tools/demo/push-to-prod.gates.json', '--alarm', 'checkout-prod-latency'], 'push checkout to prod\n'),
  });
});
jest.setTimeout(90_000);
const run = (name: string): Promise<Run> => runs[name] ?? Promise.reject(new Error(`no run ${name}`));

/** It ended by itself (no timeout kill), with exit code 2, one line on stderr and no conversation. */
function expectOneLineRefusal(run: Run, said: RegExp): void {
  expect(run.signal).toBeNull();
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(said);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stdout).not.toContain('Alexa >');
}

describe('npm start', () => {
  it.each([
    ['not JSON', 'faultNotJson', /^--fault nope: .*not valid JSON\n$/],
    ['an unknown service', 'faultUnknownService', /^--fault \{"kind":"accessDenied","service":"s3"\}: fault "service" must be one of codepipeline, codedeploy, dynamodb, cloudwatch, ssm\n$/],
  ])('refuses a --fault that is %s in one line, before talking to anyone', async (_case, name, said) => {
    expectOneLineRefusal(await run(name), said);
  });

  it('says to run npm run build when --built finds no bundle, and exits with nothing left running', async () => {
    expectOneLineRefusal(await run('builtWithoutBuild'), /^--built: there is no .*no-dist\/index\.js; run `npm run build` first\n$/);
  });

  it('says that there are no AWS credentials with --aws and none to be found, rather than blaming IAM', async () => {
    // Act
    const refused = await run('awsWithoutCredentials');

    // Assess
    expectOneLineRefusal(refused, /^--aws: no AWS credentials found .*set AWS_PROFILE/);
    expect(refused.stderr).not.toMatch(/not authorized|IAM|AccessDenied/);
  });

  it("names the model's locales for an unknown --locale, without a stack trace", async () => {
    expectOneLineRefusal(await run('unknownLocale'), /^locale it-IT: the skill's interaction models are de-DE, en-AU, en-CA, en-GB, en-IN, en-US, fr-FR\n$/);
  });

  it('refuses a --save-skill-io file that cannot be written before the run', async () => {
    expectOneLineRefusal(await run('unwritableSkillIo'), /^--save-skill-io .*io\.json: cannot be written \(ENOENT\)\n$/);
  });

  it('explains that npm kept --json when it was given without --', async () => {
    expectOneLineRefusal(await run('jsonSwallowedByNpm'), /^npm kept --json for itself; put the options after --, as in: npm start -- --json\n$/);
  });

  it('lists every option with --help', async () => {
    // Act
    const help = await run('help');

    // Assess
    expect(help.status).toBe(0);
    for (const option of ['replay', 'json', 'task', 'task-input', 'locale', 'config', 'user', 'person', 'fault', 'alarm', 'save-skill-io', 'built', 'aws', 'log', 'notify', 'device', 'help']) {
      expect(help.stdout).toMatch(new RegExp(`^ {2}--${option}\\b`, 'm'));
    }
  });

  it('launches a custom task as a routine would, and acts only on the yes that follows', async () => {
    // Act
    const launched = await run('task');

    // Assess
    expect(launched).toMatchObject({ status: 0, signal: null, stderr: '' });
    expect(launched.stdout).toMatch(/^Task  > PushToProd \{"service":"checkout","environment":"production"\}\n/);
    expect(launched.stdout).toMatch(/Alexa > This starts the checkout-prod pipeline, .*Shall I push checkout to production\?\n/);
    const started = launched.stdout.indexOf('AWS StartPipelineExecution ');
    expect(started).toBeGreaterThan(launched.stdout.indexOf('User  > yes'));
    expect(launched.stdout.indexOf('Alexa > Done: the checkout-prod pipeline has started')).toBeGreaterThan(started);
  });

  it('refuses a --device it cannot be, in one line', async () => {
    expectOneLineRefusal(await run('deviceUnknown'), /^--device tv: expected one of speaker, show\n$/);
  });

  it('refuses a --task-input that is not a JSON object', async () => {
    expectOneLineRefusal(await run('taskInputNotObject'), /^--task-input \["prod"\]: expected a JSON object\n$/);
  });

  it('refuses an --alarm in a state CloudWatch does not have, in one line', async () => {
    expectOneLineRefusal(await run('alarmUnknownState'), /^--alarm checkout-prod-5xx=RED: alarm "state" must be one of OK, ALARM, INSUFFICIENT_DATA\n$/);
  });

  it('starts with an --alarm firing, so a deploy is refused', async () => {
    // Act
    const refused = await run('alarmFiring');

    // Assess
    expect(refused.stderr).toBe('');
    expect(refused.stdout).toContain("Alexa > I won't push to production while the alarm checkout-prod-latency is firing. It went into alarm just now.");
  });
});
