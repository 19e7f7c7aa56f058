import { resolve } from 'node:path';
import type { Config } from '../../lambda/src/config/schema';
import type { Logger } from '../../lambda/src/logging/logger';
import type { NotifyOutcome } from '../../lambda/src/notifier/notify-release-end';
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, startLocalAlexa, type LocalAlexa } from '../local-alexa';
import type { Clock, LocalAws, ParameterSpec, StateChangeEvent } from '../local-aws';

/**
 * The notifier in the offline simulator: the local AWS's state-change events go to the real notifier (the sources, or
 * lambda/dist/notifier.js with --built), which reads the journal in the local state table, the client credentials
 * from the local SSM, and sends to the loopback Login with Amazon and Proactive Events API. What that API accepts is
 * what the person's Alexa would show.
 */

export interface NotifierRun {
  /** "execution 0123abcd succeeded", "deployment d-ABC123 stopped". */
  readonly release: string;
  readonly outcome: NotifyOutcome | 'error';
}

export interface PolledNotifications {
  /** The notifier's verdict on each release end since the last poll. */
  readonly runs: readonly NotifierRun[];
  /** What the Alexa of the person who started each release received: the sender line Alexa reads out. */
  readonly notifications: readonly string[];
}

export interface SessionNotifications {
  /** Runs the notifier on every release end since the last call. */
  poll(): Promise<PolledNotifications>;
  /** Releases started in this session that have not ended yet. */
  running(): number;
  close(): Promise<void>;
}

/** The SSM parameter the local AWS holds for a config with notifications: the stand-in's own client credentials. */
export function localCredentialParameters(config: Config): Record<string, ParameterSpec> {
  const name = config.notifications?.clientCredentialsParameter;
  return name === undefined ? {} : { [name]: { type: 'SecureString', value: JSON.stringify({ clientId: LOCAL_CLIENT_ID, clientSecret: LOCAL_CLIENT_SECRET }) } };
}

type NotifierHandler = (event: unknown) => Promise<NotifyOutcome>;

interface NotifierEntry {
  createNotifierHandler(options: {
    env: NodeJS.ProcessEnv; logger?: Logger; now?: () => Date;
    alexa: { lwaUrl: string; apiBaseUrl: string }; sleep?: (ms: number) => Promise<void>;
  }): NotifierHandler;
}

export async function startNotifications(options: {
  readonly localAws: LocalAws;
  readonly config: Config;
  readonly env: NodeJS.ProcessEnv;
  readonly built: boolean;
  readonly clock?: Clock;
  readonly logger?: Logger;
}): Promise<SessionNotifications> {
  if (options.env.PUSH_TO_PROD_STATE_TABLE === undefined && options.config.stateTable === undefined) {
    throw new Error('Notifications need a config with a stateTable: the skill keeps its release journal there, and the notifier reads it');
  }
  const now = options.clock === undefined ? undefined : () => new Date((options.clock as Clock).now());
  const alexa: LocalAlexa = await startLocalAlexa({ now: now && (() => now().getTime()) });
  // Loaded on demand, like the skill's handler: a missing bundle only matters to those who ask for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require(options.built ? resolve(__dirname, '..', '..', 'lambda', 'dist', 'notifier.js') : '../../lambda/src/notifier') as NotifierEntry;
  const notifier = entry.createNotifierHandler({
    env: options.env, logger: options.logger, now,
    alexa: { lwaUrl: alexa.lwaUrl, apiBaseUrl: alexa.apiUrl },
    // The local clock may stand still: a retry waits for nothing.
    sleep: async () => undefined,
  });
  let seen = 0;
  return {
    async poll() {
      const runs: NotifierRun[] = [];
      for (const event of options.localAws.events.take()) {
        const release = describe(event);
        try {
          runs.push({ release, outcome: await notifier(event) });
        } catch {
          runs.push({ release, outcome: 'error' });
        }
      }
      const received = alexa.notifications().slice(seen);
      seen += received.length;
      return { runs, notifications: received.map((notification) => notification.text) };
    },
    running: () => options.localAws.events.running(),
    close: () => alexa.close(),
  };
}

function describe(event: StateChangeEvent): string {
  const detail = event.detail;
  const state = String(detail['state']).toLowerCase();
  return event.source === 'aws.codepipeline'
    ? `${String(detail['pipeline'])} execution ${String(detail['execution-id']).slice(0, 8)} ${state}`
    : `deployment ${String(detail['deploymentId'])} ${state}`;
}
