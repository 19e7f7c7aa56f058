import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { parseConfig } from '../../lambda/src/config/load';
import { ASK_SDK_MODEL_FILE, AWS_CREDENTIALS_FILE, AWS_SDK_FILE, AWS_SSM_FILE, buildBundle, CONFIG_SCHEMA_FILE, NOTIFIER_FILE, OWN_FILE_LOCALES, SCREENS_FILE, speechFile } from '../../tools/build';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStateStore } from '../../lambda/src/adapters/aws/dynamodb-state-store.adapter';
import { ReleaseJournal } from '../../lambda/src/domain/release-journal';
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, startLocalAlexa } from '../../tools/local-alexa';
import { startLocalAws, type LocalAws } from '../../tools/local-aws';
import { eventFixture, withDetail } from '../support/eventbridge-fixtures';
import { mapStackTrace } from '../../tools/stack';
import { intent, intentRequest, launch, slot } from '../support/envelopes';
import { TEST_CONFIG } from '../support/test-skill';
import { sharedBundle } from '../support/shared-bundle';

/**
 * The bundle as Lambda runs it: in a Node process of its own, nothing but the built folder. Built into a folder of
 * this test's own, so that it never races the dialog tests, which rebuild lambda/dist.
 */

const work = mkdtempSync(join(tmpdir(), 'ptp-built-'));
/** The run's shared bundle of the test config (shared-bundle.ts), which the tests only read. */
let outDir: string;
let mapsDir: string;
const configPath = join(work, 'push-to-prod.json');
let localAws: LocalAws;

/** Loads the bundle in a fresh process, answers one request; says what it answered and which other files it loaded. */
const PROBE = `
const { writeSync } = require('node:fs');
// Counts the Intl.DateTimeFormats the skill builds: the first one in a process loads ICU's data.
const IcuDateTimeFormat = Intl.DateTimeFormat;
let dateTimeFormats = 0;
Intl.DateTimeFormat = function DateTimeFormat(...args) { dateTimeFormats += 1; return new IcuDateTimeFormat(...args); };
const { handler } = require(process.env.BUNDLE);
handler(JSON.parse(process.env.EVENT), { getRemainingTimeInMillis: () => 8000 }).then((response) => {
  const loaded = Object.keys(require.cache).map((path) => path.split('/').pop()).filter((file) => file !== 'index.js');
  const directives = (response.response.directives ?? []).map((d) => d.type);
  writeSync(2, JSON.stringify({ speech: response.response.outputSpeech.ssml, loaded, dateTimeFormats, directives }));
  process.exit(0);
});`;

interface Answer {
  readonly speech: string;
  /** How many Intl.DateTimeFormats the process built. */
  readonly dateTimeFormats: number;
  /** The files of the bundle the process loaded beside index.js. */
  readonly loaded: readonly string[];
  readonly directives: readonly string[];
}

/** `environment` adds to or, with undefined, takes from what the process gets: local AWS's settings and keys. */
function answerInFreshProcess(event: RequestEnvelope, environment: Record<string, string | undefined> = {}): Promise<Answer> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: work, ...localAws.env,
    BUNDLE: join(outDir, 'index.js'), EVENT: JSON.stringify(event),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...environment,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', PROBE], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(JSON.parse(stderr) as Answer);
      else fail(new Error(`the bundle process ended with ${code}: ${stderr}`));
    });
  });
}

/** Loads notifier.js in a fresh process and hands it one event; says what it did and which other files it loaded. */
const NOTIFIER_PROBE = `
const { writeSync } = require('node:fs');
const { createNotifierHandler } = require(process.env.BUNDLE);
createNotifierHandler({ alexa: JSON.parse(process.env.ALEXA) })(JSON.parse(process.env.EVENT), { getRemainingTimeInMillis: () => 30000 }).then((outcome) => {
  const loaded = Object.keys(require.cache).map((path) => path.split('/').pop()).filter((file) => file !== 'notifier.js');
  writeSync(2, JSON.stringify({ outcome, loaded }));
  process.exit(0);
});`;

function notifierInFreshProcess(event: unknown, environment: Record<string, string>, alexa: { lwaUrl: string; apiBaseUrl: string }): Promise<{ outcome: string; loaded: string[] }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: work, ...environment, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    BUNDLE: join(outDir, NOTIFIER_FILE), EVENT: JSON.stringify(event), ALEXA: JSON.stringify(alexa),
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', NOTIFIER_PROBE], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(JSON.parse(stderr.split('\n').filter(Boolean).at(-1) ?? '') as { outcome: string; loaded: string[] }) : fail(new Error(`the notifier process ended with ${code}: ${stderr}`))));
  });
}

const statusRequest = (): RequestEnvelope => intentRequest(
  intent('StatusIntent', { service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'production', 'production') }),
  undefined, 'COMPLETED',
);

beforeAll(async () => {
  // The test config is bundled, as `npm run build` bundles lambda/push-to-prod.json for a deploy.
  writeFileSync(configPath, JSON.stringify(TEST_CONFIG));
  ({ outDir, mapsDir } = await sharedBundle(configPath));
  localAws = await startLocalAws({ config: parseConfig(TEST_CONFIG, 'test config'), region: 'eu-west-1' });
}, 60_000);

afterAll(async () => {
  await localAws?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the built bundle', () => {
  it('puts only code in the folder ask-cli zips, and each source map beside it where the code points', () => {
    // Act
    const zipped = readdirSync(outDir).sort();

    // Assess
    expect(zipped).toEqual([ASK_SDK_MODEL_FILE, AWS_CREDENTIALS_FILE, AWS_SDK_FILE, AWS_SSM_FILE, CONFIG_SCHEMA_FILE, 'index.js', NOTIFIER_FILE, SCREENS_FILE, ...OWN_FILE_LOCALES.map(speechFile)].sort());
    for (const file of zipped) {
      const mapUrl = /\/\/# sourceMappingURL=(\S+)\n$/.exec(readFileSync(join(outDir, file), 'utf8'))?.[1];
      expect(mapUrl).toBeDefined();
      expect(existsSync(resolve(outDir, mapUrl as string))).toBe(true);
    }
  });

  it('maps a position in the shipped bundle back to the TypeScript source, as `npm run stack` does', () => {
    // Prepare: where the launch greeting sits in index.js, as a stack frame from Lambda would name it
    const code = readFileSync(join(outDir, 'index.js'), 'utf8');
    const offset = code.indexOf('Release captain here');
    const before = code.slice(0, offset).split('\n');
    const frame = `    at launch (/var/task/index.js:${before.length}:${(before.at(-1) ?? '').length + 1})`;

    // Act
    const mapped = mapStackTrace(frame, mapsDir);

    // Assess
    expect(mapped).toMatch(/^ {4}at launch \(\S*lambda\/src\/speech\/en-US\.ts:\d+:\d+\)$/);
  });

  it('answers a cold LaunchRequest with the config validated at build time, loading neither the schema, the AWS SDK nor ask-sdk-model', async () => {
    // Act
    const answer = await answerInFreshProcess(launch());

    // Assess
    expect(answer.speech).toMatch(/Release captain here/);
    expect(answer.loaded).toEqual([]);
  });

  it.each([
    ['de-DE', /Versions-Kapitän/],
    ['fr-FR', /capitaine de livraison/],
  ])('answers a cold %s LaunchRequest in its language, with its words from their own file', async (locale, greeting) => {
    // Act
    const answer = await answerInFreshProcess({ ...launch(), request: { ...launch().request, locale } });

    // Assess
    expect(answer.speech).toMatch(greeting);
    expect(answer.loaded).toEqual([speechFile(locale)]);
  });

  it('answers an en-GB LaunchRequest with the English words already in index.js', async () => {
    // Act
    const answer = await answerInFreshProcess({ ...launch(), request: { ...launch().request, locale: 'en-GB' } });

    // Assess
    expect(answer.speech).toMatch(/Release captain here/);
    expect(answer.loaded).toEqual([]);
  });

  it('loads the AWS SDK for the first request that needs AWS, and answers it, signed with the keys Lambda provides', async () => {
    // Prepare
    const before = localAws.calls().length;

    // Act
    const answer = await answerInFreshProcess(statusRequest());

    // Assess
    expect(answer.loaded).toEqual([AWS_SDK_FILE]);
    expect(answer.directives).toEqual([]);
    expect(answer.speech).toMatch(/checkout in production/i);
    const calls = localAws.calls().slice(before);
    expect(calls.map((call) => call.operation)).toContain('GetPipelineState');
    expect(new Set(calls.map((call) => call.accessKeyId))).toEqual(new Set([localAws.env.AWS_ACCESS_KEY_ID]));
  });

  it('tells AWS errors apart by name, and retries a throttled call, with the SDK\'s unused error classes left out', async () => {
    // Prepare: the pipeline is gone for one status; CodeDeploy throttles the next one's first attempt
    localAws.faults.inject({ service: 'codepipeline', operation: 'GetPipelineState', kind: 'notFound', times: 1 });
    const missing = await answerInFreshProcess(statusRequest());
    localAws.faults.inject({ service: 'codedeploy', operation: 'GetDeploymentGroup', kind: 'throttle', times: 1 });
    const before = localAws.calls().length;

    // Act
    const throttledOnce = await answerInFreshProcess(statusRequest());

    // Assess: aws-sdk.js holds no error class but the one the skill tests with instanceof, and errors still go by name
    const sdk = readFileSync(join(outDir, AWS_SDK_FILE), 'utf8');
    expect(sdk.match(/name="\w+Exception"/g)).toEqual(['name="ConditionalCheckFailedException"']);
    expect(missing.speech).toMatch(/can't find the pipeline or deployment group for checkout in production/);
    expect(localAws.calls().slice(before).filter((call) => call.operation === 'GetDeploymentGroup')).toHaveLength(2);
    expect(throttledOnce.speech).toMatch(/The latest deployment/);
  });

  it('says when things happened in a cold status without ICU in UTC, and with it in any other zone', async () => {
    // Prepare
    const berlin = join(work, 'berlin-config.json');
    writeFileSync(berlin, JSON.stringify({ ...TEST_CONFIG, timeZone: 'Europe/Berlin' }));

    // Act
    const inUtc = await answerInFreshProcess(statusRequest());
    const inBerlin = await answerInFreshProcess(statusRequest(), { PUSH_TO_PROD_CONFIG: berlin });

    // Assess: both say when the release started; only Berlin's needs a DateTimeFormat (built while AWS answered)
    expect(inUtc.speech).toMatch(/started (today|yesterday|on \w+ \d+) at \d{1,2}(:\d\d)? (AM|PM)/);
    expect(inUtc.dateTimeFormats).toBe(0);
    expect(inBerlin.speech).toMatch(/started (today|yesterday|on \w+ \d+) at \d{1,2}(:\d\d)? (AM|PM)/);
    expect(inBerlin.dateTimeFormats).toBeGreaterThan(0);
  });

  it('loads the screens from their own file only for a device with a screen, and answers status with a RenderDocument', async () => {
    // Prepare: the same status request, from an Echo Show
    const request = statusRequest();
    (request.context.System.device as { supportedInterfaces: unknown }).supportedInterfaces = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } };

    // Act
    const answer = await answerInFreshProcess(request);

    // Assess (the answer first: an AWS too slow to answer would leave no screen to load)
    expect(answer.speech).toMatch(/checkout in production/i);
    expect([...answer.loaded].sort()).toEqual([AWS_SDK_FILE, SCREENS_FILE].sort());
    expect(answer.directives).toEqual(['Alexa.Presentation.APL.RenderDocument']);
  });

  it('validates a config that PUSH_TO_PROD_CONFIG names at the first invocation, with the schema from its own file', async () => {
    // Prepare
    const named = join(work, 'named-config.json');
    writeFileSync(named, JSON.stringify({ ...TEST_CONFIG, allowedUsers: ['amzn1.ask.account.SOMEONE_ELSE'] }));

    // Act: the bundled config allows this user; the named one does not
    const answer = await answerInFreshProcess(statusRequest(), { PUSH_TO_PROD_CONFIG: named });

    // Assess
    expect(answer.loaded).toEqual([CONFIG_SCHEMA_FILE]);
    expect(answer.speech).toMatch(/^<speak>Sorry/);
    expect(answer.speech).not.toMatch(/checkout in production/i);
  });

  it('refuses to build a broken bundled config, naming each field', async () => {
    // Prepare
    const broken = join(work, 'broken-config.json');
    writeFileSync(broken, JSON.stringify({ ...TEST_CONFIG, skillId: 'my skill', region: 'moon-1' }));

    // Act
    const built = buildBundle({ outDir: join(work, 'broken-dist'), mapsDir: join(work, 'broken-maps'), configPath: broken });

    // Assess
    await expect(built).rejects.toThrow(/skillId: must look like amzn1\.ask\.skill\.<uuid>\n {2}- region: is not an AWS region name/);
  });

  it('runs the notifier from its own file, loading the SDK, and the SSM client only to read the secret, never the skill', async () => {
    // Prepare: a state table, the credentials parameter, the loopback Alexa, and a release the skill started
    const TABLE = 'push-to-prod-state';
    const PARAMETER = '/push-to-prod/alexa-client';
    const aws = await startLocalAws({ stateTable: TABLE, region: 'eu-west-1', parameters: {
      [PARAMETER]: { type: 'SecureString', value: JSON.stringify({ clientId: LOCAL_CLIENT_ID, clientSecret: LOCAL_CLIENT_SECRET }) },
    } });
    const alexa = await startLocalAlexa();
    const named = join(work, 'notifier-config.json');
    writeFileSync(named, JSON.stringify({ ...TEST_CONFIG, stateTable: TABLE, notifications: { clientCredentialsParameter: PARAMETER } }));
    const dynamo = new DynamoDBClient({ region: 'eu-west-1', endpoint: aws.env.AWS_ENDPOINT_URL_DYNAMODB, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' } });
    const event = withDetail(eventFixture('codepipeline-execution-succeeded'), {}, new Date(Date.now() - 60_000).toISOString());
    await new ReleaseJournal(new DynamoDbStateStore(dynamo, TABLE), () => new Date()).recordStarted({
      kind: 'deploy', service: 'checkout', environment: 'production', executionId: String(event.detail['execution-id']),
      startedBy: { userId: 'amzn1.ask.account.ALICE' }, startedAt: new Date(Date.now() - 600_000),
    });

    try {
      // Act
      const ran = await notifierInFreshProcess(event, { ...aws.env, PUSH_TO_PROD_CONFIG: named }, { lwaUrl: alexa.lwaUrl, apiBaseUrl: alexa.apiUrl });

      // Assess
      expect(ran.outcome).toBe('sent');
      expect([...ran.loaded].sort()).toEqual([AWS_SDK_FILE, AWS_SSM_FILE, CONFIG_SCHEMA_FILE].sort());
      expect(alexa.notifications().map((n) => n.text)).toEqual(['Release captain: your release of checkout to production succeeded']);
    } finally {
      dynamo.destroy();
      await alexa.close();
      await aws.close();
    }
  });

  describe('away from Lambda, with profiles in a shared credentials file', () => {
    const credentialsFile = join(work, 'aws-credentials');
    const profiles = {
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_CONFIG_FILE: join(work, 'aws-config-that-does-not-exist'),
      // Were the profile not found, the chain would go on to instance metadata: fail at once instead.
      AWS_EC2_METADATA_DISABLED: 'true',
    };

    beforeAll(() => {
      writeFileSync(credentialsFile, [
        '[default]', 'aws_access_key_id = AKIDDEFAULTPROFILE', 'aws_secret_access_key = default-secret', '',
        '[release-ops]', 'aws_access_key_id = AKIDRELEASEOPS', 'aws_secret_access_key = release-ops-secret', '',
      ].join('\n'));
    });

    it('signs with the default profile when the environment holds no keys, through the SDK\'s own chain, loaded then', async () => {
      // Prepare
      const before = localAws.calls().length;

      // Act
      const answer = await answerInFreshProcess(statusRequest(), { ...profiles, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });

      // Assess
      expect(answer.speech).toMatch(/checkout in production/i);
      expect([...answer.loaded].sort()).toEqual([AWS_CREDENTIALS_FILE, AWS_SDK_FILE].sort());
      const keys = new Set(localAws.calls().slice(before).map((call) => call.accessKeyId));
      expect(keys).toEqual(new Set(['AKIDDEFAULTPROFILE']));
    });

    it('prefers the profile AWS_PROFILE names to keys in the environment, as the SDK does', async () => {
      // Prepare
      const before = localAws.calls().length;

      // Act
      const answer = await answerInFreshProcess(statusRequest(), { ...profiles, AWS_PROFILE: 'release-ops' });

      // Assess
      expect(answer.speech).toMatch(/checkout in production/i);
      const keys = new Set(localAws.calls().slice(before).map((call) => call.accessKeyId));
      expect(keys).toEqual(new Set(['AKIDRELEASEOPS']));
    });
  });
});
