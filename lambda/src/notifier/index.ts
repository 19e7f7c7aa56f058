import { resolveConfig } from '../config/load';
import { bundledConfig } from '../config/bundled';
import { createAwsClients } from '../adapters/aws/clients';
import { DynamoDbStateStore } from '../adapters/aws/dynamodb-state-store.adapter';
import { SsmClientCredentials } from '../adapters/aws/ssm-credentials.adapter';
import { LwaTokenSource } from '../adapters/alexa/lwa-token';
import { ProactiveEventsAdapter } from '../adapters/alexa/proactive-events.adapter';
import { ReleaseJournal } from '../domain/release-journal';
import { jsonLogger, type Logger } from '../logging/logger';
import { runWithDeadline } from '../runtime/deadline';
import { messagesFor } from '../speech';
import { notifyReleaseEnd, type NotifierDeps, type NotifyOutcome } from './notify-release-end';

/**
 * The notifier's composition root and its Lambda entry (`notifier.handler`, lambda/dist/notifier.js): a function of
 * its own in the skill's stack, invoked by EventBridge rules when a configured pipeline execution or CodeDeploy
 * deployment ends. It shares the skill's code bundle and state table, never its cold start: the skill does not load
 * this file. The SSM client (and so the Alexa client secret) is loaded by the first notification it sends.
 */

interface LambdaContext {
  getRemainingTimeInMillis?: () => number;
}

/** Time for one event: a DynamoDB read and write or two, SSM once, LWA and the events API with their retries. */
export const NOTIFIER_BUDGET_MS = 20_000;
const LAMBDA_MARGIN_MS = 500;

export interface NotifierOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Loopback stand-ins for Login with Amazon and the Alexa API, in tests and the simulator; Amazon's own otherwise. */
  readonly alexa?: { readonly lwaUrl: string; readonly apiBaseUrl: string };
  /** How retries wait; tests make it instant. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Creates a notifier handler; `handler` below is the one Lambda calls. */
export function createNotifierHandler(options: NotifierOptions = {}) {
  let deps: NotifierDeps | undefined;
  const build = (): NotifierDeps => {
    const env = options.env ?? process.env;
    const logger = options.logger ?? jsonLogger();
    const now = options.now ?? (() => new Date());
    const config = resolveConfig(env, bundledConfig);
    const table = env.PUSH_TO_PROD_STATE_TABLE ?? config.stateTable;
    // The journal is in the skill's table: without one the notifier has nothing to read.
    if (!table) throw new Error('The notifier needs the skill\'s state table: set PUSH_TO_PROD_STATE_TABLE (the stack does)');
    const clients = createAwsClients();
    // The same region as the skill's own table client (index.ts), so that both read and write the same table.
    const region = config.region ?? env.AWS_REGION ?? 'us-east-1';
    const journal = new ReleaseJournal(new DynamoDbStateStore(clients.dynamoDb(region), table, now), now);
    const settings = config.notifications;
    const notifications = settings && new ProactiveEventsAdapter({
      stage: settings.stage,
      apiBaseUrl: options.alexa?.apiBaseUrl,
      now,
      sleep: options.sleep,
      tokens: new LwaTokenSource({
        url: options.alexa?.lwaUrl,
        // The parameter lives beside the function, in the stack's own region.
        credentials: new SsmClientCredentials(() => clients.ssm(env.AWS_REGION ?? region), settings.clientCredentialsParameter),
        now: () => now().getTime(),
        sleep: options.sleep,
      }),
    });
    return { journal, notifications, logger, messages: (locale) => messagesFor(locale, now(), config.timeZone) };
  };
  return async (event: unknown, context?: LambdaContext): Promise<NotifyOutcome> => {
    const current = deps ?? (deps = build());
    const lambdaLeft = context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY;
    return runWithDeadline(Math.min(NOTIFIER_BUDGET_MS, lambdaLeft - LAMBDA_MARGIN_MS), () => notifyReleaseEnd(event, current));
  };
}

/** The Lambda entry point (`notifier.handler`): async, two parameters, as nodejs22.x and nodejs24.x require. */
export const handler = createNotifierHandler();
