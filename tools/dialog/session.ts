import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { loadConfigFile } from '../../lambda/src/config/load';
import type { Config } from '../../lambda/src/config/schema';
import { SKILL_ID_VARIABLE } from '../../lambda/src/config/skill-id';
import type { Logger } from '../../lambda/src/logging/logger';
import { SIMULATOR_HISTORY_WEEKS, startLocalAws, type Clock, type LocalAws, type RecordedCall } from '../local-aws';
import { skillManifestInterfaces, type DeviceKind } from '../simulator/device';
import { loadInteractionModel, Simulator, startLocalAlexaApi, type LocalAlexaApi, type Turn } from '../simulator';
import { localCredentialParameters, startNotifications, type SessionNotifications } from './notifications';

/** The demo config `npm start` uses when no --config is given: two services, two environments, the local user allowed. */
export const DEMO_CONFIG_PATH = resolve(__dirname, '..', 'demo', 'push-to-prod.demo.json');
/** The user the simulator speaks as, allowed by the demo config. */
export const LOCAL_USER_ID = 'amzn1.ask.account.LOCAL_DEVELOPER';
/** The skill id requests carry when neither the replay file nor the config names one. */
export const LOCAL_SKILL_ID = 'amzn1.ask.skill.10ca1000-0000-4000-8000-000000000000';
const MODELS_DIR = resolve(__dirname, '..', '..', 'skill-package', 'interactionModels', 'custom');
const LAMBDA_TIMEOUT_MS = 10_000;
/** Where `--built` finds the bundle: lambda/dist unless PUSH_TO_PROD_DIST names another folder. */
export const builtDir = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.PUSH_TO_PROD_DIST ?? resolve(__dirname, '..', '..', 'lambda', 'dist'));

/** Something the session cannot start with, said in one line before anything starts. */
export class DialogSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DialogSetupError';
  }
}

/** The locales the skill has an interaction model for. */
export function modelLocales(): string[] {
  return readdirSync(MODELS_DIR).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length)).sort();
}

type Handler = (event: RequestEnvelope, context?: { getRemainingTimeInMillis(): number }) => Promise<ResponseEnvelope>;

export interface DialogOptions {
  /** A speaker without a screen (the default) or an Echo Show, which supports APL. */
  readonly device?: DeviceKind;
  readonly configPath?: string;
  readonly locale?: string;
  /** The skill id requests carry; the config's by default. */
  readonly skillId?: string;
  readonly userId?: string;
  readonly personId?: string;
  /** 'local' (default) starts the loopback stand-in; 'real' uses the AWS credentials and endpoints of the environment. */
  readonly aws?: 'local' | 'real';
  /** Load the esbuild bundle (lambda/dist/index.js) instead of the TypeScript sources. */
  readonly built?: boolean;
  /** Where `built` finds the bundle: builtDir() by default. */
  readonly distDir?: string;
  readonly clock?: Clock;
  /** Seed of the local AWS's ids, for transcripts that repeat exactly. */
  readonly seed?: number;
  readonly logger?: Logger;
  /** How long a read may run before the skill sends a progressive response; the skill's own default otherwise. */
  readonly progressThresholdMs?: number;
  /** Sees every request and response, for --save-skill-io. */
  readonly onSkillIo?: (request: RequestEnvelope, response: ResponseEnvelope) => void;
  /**
   * Run the notifier on the local AWS's release ends, against loopback Login with Amazon and Proactive Events
   * stand-ins (local AWS only; off by default, so nothing else changes).
   */
  readonly notifications?: boolean;
}

export interface DialogSession {
  readonly simulator: Simulator;
  readonly config: Config;
  readonly localAws?: LocalAws;
  /** The notifier and what reaches Alexa, when asked for. */
  readonly notifications?: SessionNotifications;
  /** The loopback Alexa API the skill sends its progressive responses to. */
  readonly alexaApi: LocalAlexaApi;
  /** Says one input; returns the turn and the AWS calls it caused (local AWS only). */
  say(text: string): Promise<{ turn: Turn; aws: RecordedCall[] }>;
  /** Launches one of the skill's custom tasks, as a routine or a Quick Link does. */
  startTask(name: string, input?: Record<string, unknown>, version?: string): Promise<{ turn: Turn; aws: RecordedCall[] }>;
  close(): Promise<void>;
}

/**
 * Wires the simulated Alexa to the real skill: the config, the local AWS seeded from it (or real AWS), the skill's
 * own Lambda handler, and the interaction model of the locale. The skill reaches the local AWS only through the
 * AWS_ENDPOINT_URL_* variables, exactly as it would reach any endpoint.
 */
export async function startDialog(options: DialogOptions = {}): Promise<DialogSession> {
  // On a developer's Node 20 the AWS SDK warns about its future Node 22 floor; the Lambda runs on nodejs22.x.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const configPath = resolve(options.configPath ?? DEMO_CONFIG_PATH);
  const config = loadConfigFile(configPath);
  const locale = options.locale ?? 'en-US';
  if (!modelLocales().includes(locale)) throw new DialogSetupError(`locale ${locale}: the skill's interaction models are ${modelLocales().join(', ')}`);
  const bundle = join(options.distDir ?? builtDir(), 'index.js');
  if (options.built === true && !existsSync(bundle)) throw new DialogSetupError(`--built: there is no ${bundle}; run \`npm run build\` first`);
  const model = await loadInteractionModel(resolve(MODELS_DIR, `${locale}.json`));
  const notify = options.notifications === true && options.aws !== 'real';
  const localAws = options.aws === 'real' ? undefined : await startLocalAws({
    config, clock: options.clock, seed: options.seed, historyWeeks: SIMULATOR_HISTORY_WEEKS, ...(notify ? { parameters: localCredentialParameters(config) } : {}),
  });
  try {
    return await connect(options, { config, configPath, locale, model, localAws, bundle, notify });
  } catch (error) {
    // Nothing may be left listening when the session cannot start.
    await localAws?.close();
    throw error;
  }
}

interface Parts {
  readonly config: Config;
  readonly configPath: string;
  readonly locale: string;
  readonly model: Awaited<ReturnType<typeof loadInteractionModel>>;
  readonly localAws: LocalAws | undefined;
  readonly bundle: string;
  readonly notify: boolean;
}

async function connect(options: DialogOptions, { config, configPath, locale, model, localAws, bundle, notify }: Parts): Promise<DialogSession> {
  if (localAws) Object.assign(process.env, localAws.env);

  // The simulator is Alexa and the deploy at once: a config without a skillId gets one, as the stack passes it.
  const skillId = options.skillId ?? config.skillId ?? LOCAL_SKILL_ID;
  // The skill's progressive responses go to a loopback Alexa API, never to Amazon; the requests name it.
  const alexaApi = await startLocalAlexaApi();
  try {
    return await wire(options, { config, configPath, locale, model, localAws, bundle, notify }, skillId, alexaApi);
  } catch (error) {
    // A skill that cannot load leaves nothing listening (startDialog closes the local AWS).
    await alexaApi.close();
    throw error;
  }
}

async function wire(options: DialogOptions, { config, configPath, locale, model, localAws, notify, bundle }: Parts, skillId: string, alexaApi: LocalAlexaApi): Promise<DialogSession> {
  const env = {
    ...process.env, PUSH_TO_PROD_CONFIG: configPath,
    ...(config.skillId === undefined ? { [SKILL_ID_VARIABLE]: skillId } : {}),
  };
  const clock = options.clock;
  // The skill speaks times relative to "now": it must read the same clock as the local AWS for them to agree.
  const handler = loadHandler(options.built === true ? bundle : undefined, {
    env, logger: options.logger, now: clock && (() => new Date(clock.now())), progressThresholdMs: options.progressThresholdMs,
    alexaApiEndpoints: [alexaApi.url],
  });
  const invoker = async (request: RequestEnvelope): Promise<ResponseEnvelope> => {
    const started = Date.now();
    const response = await handler(request, { getRemainingTimeInMillis: () => LAMBDA_TIMEOUT_MS - (Date.now() - started) });
    options.onSkillIo?.(request, response);
    return response;
  };
  const simulator = new Simulator({
    model, invoker, locale,
    skillId,
    userId: options.userId ?? LOCAL_USER_ID,
    personId: options.personId,
    clock: clock && (() => new Date(clock.now())),
    alexaApi,
    device: options.device,
    manifestInterfaces: skillManifestInterfaces(),
  });

  const notifications = notify && localAws
    ? await startNotifications({ localAws, config, env, built: options.built === true, clock, logger: options.logger })
    : undefined;

  return {
    simulator, config, localAws, notifications, alexaApi,
    async say(text) {
      const before = localAws?.calls().length ?? 0;
      const turn = await simulator.say(text);
      return { turn, aws: localAws?.calls().slice(before) ?? [] };
    },
    async startTask(name, input, version) {
      const before = localAws?.calls().length ?? 0;
      const turn = await simulator.startTask(name, input, version);
      return { turn, aws: localAws?.calls().slice(before) ?? [] };
    },
    close: async () => {
      await notifications?.close();
      await Promise.all([localAws?.close(), alexaApi.close()]);
    },
  };
}

interface HandlerOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly logger?: Logger;
  readonly now?: () => Date;
  readonly progressThresholdMs?: number;
  readonly alexaApiEndpoints?: readonly string[];
}

/** The bundle's handler when `bundle` names it, else the sources'. */
function loadHandler(bundle: string | undefined, handlerOptions: HandlerOptions): Handler {
  // Loaded on demand so that a missing bundle only matters to those who ask for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require(bundle ?? '../../lambda/src/index') as {
    createHandler(options: HandlerOptions): Handler;
  };
  return entry.createHandler(handlerOptions);
}
