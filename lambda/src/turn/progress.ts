import type { Logger } from '../logging/logger';
import type { ProgressiveResponses } from '../ports/progressive-response.port';
import { callBudgetMs } from '../runtime/deadline';
import { toSpeech, type Ssml } from '../speech/ssml';

/** How progressive responses are sent; absent, none are. */
export interface ProgressiveSettings {
  readonly responses: ProgressiveResponses;
  /** A read that has not finished after this long gets a progressive response. */
  readonly thresholdMs: number;
  /** The most one progressive response may take; less when the invocation's deadline is nearer. */
  readonly timeoutMs: number;
}

export const DEFAULT_PROGRESS_THRESHOLD_MS = 800;
export const DEFAULT_PROGRESS_TIMEOUT_MS = 1000;

/** What a request offers for progressive responses: Launch and Intent requests with an Alexa API endpoint and token. */
export interface ProgressTarget {
  readonly apiEndpoint: string;
  readonly apiAccessToken: string;
  readonly requestId: string;
}

/**
 * At most one progressive response per request, and only when a read is slow: sent once the read has taken longer
 * than the threshold, never waited for (the answer is not delayed by a slow or refused Alexa API), and never started
 * after `stop()`, which the handler chain calls before it returns the answer (Alexa only plays what arrives before
 * the answer). The call has its own abort signal: the short timeout, cut to what is left of the invocation's deadline,
 * and `stop()`.
 */
export class Progress {
  private readonly stopped = new AbortController();
  private sent = false;

  constructor(
    private readonly target: ProgressTarget | undefined,
    private readonly settings: ProgressiveSettings | undefined,
    private readonly logger: Logger,
  ) {}

  /** Runs `read`; when it is still running after the threshold, Alexa says `speech` meanwhile. */
  async whileSlow<T>(speech: Ssml, read: () => Promise<T>): Promise<T> {
    const { target, settings } = this;
    if (target === undefined || settings === undefined || this.sent || this.stopped.signal.aborted) return read();
    const timer = setTimeout(() => this.send(target, settings, speech), settings.thresholdMs);
    try {
      return await read();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Nothing more is sent, and a call still under way is abandoned: the answer is about to be returned. */
  stop(): void {
    this.stopped.abort();
  }

  private send(target: ProgressTarget, settings: ProgressiveSettings, speech: Ssml): void {
    if (this.sent || this.stopped.signal.aborted) return;
    this.sent = true;
    const budget = callBudgetMs(settings.timeoutMs);
    if (budget <= 0) return;
    const signal = AbortSignal.any([this.stopped.signal, AbortSignal.timeout(budget)]);
    const started = Date.now();
    void settings.responses.send({ ...target, ssml: `<speak>${toSpeech(speech)}</speak>` }, signal).then((outcome) => {
      this.logger.log(outcome.kind === 'sent' ? 'info' : 'warn', 'progressive.response', { ...outcome, tookMs: Date.now() - started });
    });
  }
}
