import { resolve } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { loadConfigFile } from '../../lambda/src/config/load';
import type { Config } from '../../lambda/src/config/schema';
import type { Logger } from '../../lambda/src/logging/logger';
import { startLocalAws, type Clock, type LocalAws, type RecordedCall } from '../local-aws';
import { loadInteractionModel, Simulator, startLocalAlexaApi, type LocalAlexaApi, type Turn } from '../simulator';

/** The demo config `npm start` uses when no --config is given: two services, two environments, the local user allowed. */
export const DEMO_CONFIG_PATH = resolve(__dirname, '..', 'demo', 'push-to-prod.demo.json');
/** The user the simulator speaks as, allowed by the demo config. */
export const LOCAL_USER_ID = 'amzn1.ask.account.LOCAL_DEVELOPER';
const MODELS_DIR = resolve(__dirname, '..', '..', 'skill-package', 'interactionModels', 'custom');
const LAMBDA_TIMEOUT_MS = 10_000;

type Handler = (event: RequestEnvelope, context?: { getRemainingTimeInMillis(): number }) => Promise<ResponseEnvelope>;

export interface DialogOptions {
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
  readonly clock?: Clock;
  /** Seed of the local AWS's ids, for transcripts that repeat exactly. */
  readonly seed?: number;
  readonly logger?: Logger;
  /** How long a read may run before the skill sends a progressive response; the skill's own default otherwise. */
  readonly progressThresholdMs?: number;
  /** Sees every request and response, for --save-skill-io. */
  readonly onSkillIo?: (request: RequestEnvelope, response: ResponseEnvelope) => void;
}

export interface DialogSession {
  readonly simulator: Simulator;
  readonly config: Config;
  readonly localAws?: LocalAws;
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
  const model = await loadInteractionModel(resolve(MODELS_DIR, `${locale}.json`));
  const localAws = options.aws === 'real' ? undefined : await startLocalAws({ config, clock: options.clock, seed: options.seed });
  if (localAws) Object.assign(process.env, localAws.env);

  // The skill's progressive responses go to a loopback Alexa API, never to Amazon; the requests name it.
  const alexaApi = await startLocalAlexaApi();
  const env = { ...process.env, PUSH_TO_PROD_CONFIG: configPath, PUSH_TO_PROD_ALEXA_API_ENDPOINT: alexaApi.url };
  const clock = options.clock;
  // The skill speaks times relative to "now": it must read the same clock as the local AWS for them to agree.
  const handler = loadHandler(options.built === true, {
    env, logger: options.logger, now: clock && (() => new Date(clock.now())), progressThresholdMs: options.progressThresholdMs,
  });
  const invoker = async (request: RequestEnvelope): Promise<ResponseEnvelope> => {
    const started = Date.now();
    const response = await handler(request, { getRemainingTimeInMillis: () => LAMBDA_TIMEOUT_MS - (Date.now() - started) });
    options.onSkillIo?.(request, response);
    return response;
  };
  const simulator = new Simulator({
    model, invoker, locale,
    skillId: options.skillId ?? config.skillId,
    userId: options.userId ?? LOCAL_USER_ID,
    personId: options.personId,
    clock: clock && (() => new Date(clock.now())),
    alexaApi,
  });

  return {
    simulator, config, localAws, alexaApi,
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
      await Promise.all([localAws?.close(), alexaApi.close()]);
    },
  };
}

interface HandlerOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly logger?: Logger;
  readonly now?: () => Date;
  readonly progressThresholdMs?: number;
}

function loadHandler(built: boolean, handlerOptions: HandlerOptions): Handler {
  // Loaded on demand so that a missing bundle only matters to those who ask for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require(built ? resolve(__dirname, '..', '..', 'lambda', 'dist', 'index.js') : '../../lambda/src/index') as {
    createHandler(options: HandlerOptions): Handler;
  };
  return entry.createHandler(handlerOptions);
}
