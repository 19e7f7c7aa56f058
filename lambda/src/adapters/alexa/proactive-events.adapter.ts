import { AlexaApiError } from '../../domain/errors';
import { PUBLISHED_EVENT } from '../../domain/release-journal';
import { ALEXA_API_HOSTS } from './hosts';
import type { Notice, NoticeResult, NotificationPort } from '../../ports/notification.port';
import { backoffMs, fetchPost, jsonBody, sleep, type HttpPost, type HttpResponse } from './http';
import type { LwaTokenSource } from './lwa-token';

/**
 * Alexa notifications through the Proactive Events API (developer.amazon.com, "Proactive Events REST API Reference"):
 * `POST {host}/v1/proactiveEvents/stages/development` while the skill is in development, `POST {host}/v1/proactiveEvents`
 * once it is live (ask-sdk-model's ProactiveEventsServiceClient builds the same paths), with the LWA token as a bearer
 * token. The host is the person's region: api.amazonalexa.com (North America), api.eu.amazonalexa.com (Europe),
 * api.fe.amazonalexa.com (Far East). Answers: 202 accepted; 400 a malformed event; 403 a token that is invalid or has
 * no access, or a user who is not subscribed ("User may not be subscribed to this event", alexa/alexa-cookbook#188);
 * 409 the same referenceId again for the same customer; 429 too many calls; 500 a fault of the service
 * (ask-sdk-model's error definitions for callCreateProactiveEvent).
 *
 * The event is AMAZON.MessageAlert.Activated (Proactive Events Schemas: "You have three new messages from Jane Doe."),
 * its body ask-sdk-model's CreateProactiveEventRequest: timestamp, referenceId (letters, digits and "~", 1–100),
 * expiryTime, event {name, payload}, localizedAttributes, relevantAudience {type: Unicast, payload: {user}}.
 */

export type SkillStage = 'development' | 'live';


export interface ProactiveEventsOptions {
  readonly tokens: LwaTokenSource;
  readonly stage: SkillStage;
  /** Replaces the regional host: a loopback stand-in in tests and the simulator. */
  readonly apiBaseUrl?: string;
  readonly post?: HttpPost;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Attempts per notification, the first included, while the API throttles or fails on its side. */
  readonly maxAttempts?: number;
  /** How long Alexa keeps an undelivered notification. */
  readonly expiryMs?: number;
}

const CALL_CAP_MS = 3000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 4000;
/** Under the 24 hours the API allows at most [unverified: the reference page's limits were cut off], with room for clock skew. */
export const DEFAULT_EXPIRY_MS = 23 * 3_600_000;

/** The host for a person's apiEndpoint: theirs when it is one of Alexa's, else North America's. */
export function alexaApiHost(apiEndpoint: string | undefined): string {
  const normalised = apiEndpoint?.replace(/\/+$/, '');
  return normalised !== undefined && ALEXA_API_HOSTS.includes(normalised) ? normalised : ALEXA_API_HOSTS[0] as string;
}

export function proactiveEventsPath(stage: SkillStage): string {
  return stage === 'live' ? '/v1/proactiveEvents' : '/v1/proactiveEvents/stages/development';
}

/** The request body for one notice. */
export function messageAlertEvent(notice: Notice, now: Date, expiryMs = DEFAULT_EXPIRY_MS) {
  return {
    timestamp: now.toISOString(),
    referenceId: notice.referenceId,
    expiryTime: new Date(now.getTime() + expiryMs).toISOString(),
    event: {
      name: PUBLISHED_EVENT,
      payload: {
        state: { status: 'UNREAD', freshness: 'NEW' },
        messageGroup: { creator: { name: notice.text }, count: 1, ...(notice.urgent ? { urgency: 'URGENT' } : {}) },
      },
    },
    // The sender's name is already in the person's language; MessageAlert has no attribute that needs localising.
    localizedAttributes: [],
    relevantAudience: { type: 'Unicast', payload: { user: notice.userId } },
  };
}

export class ProactiveEventsAdapter implements NotificationPort {
  private readonly post: HttpPost;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;

  constructor(private readonly options: ProactiveEventsOptions) {
    this.post = options.post ?? fetchPost;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? sleep;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  async send(notice: Notice): Promise<NoticeResult> {
    if (!/^[A-Za-z0-9~]{1,100}$/.test(notice.referenceId)) throw new TypeError(`not a referenceId the API accepts: ${notice.referenceId}`);
    const url = `${this.options.apiBaseUrl ?? alexaApiHost(notice.apiEndpoint)}${proactiveEventsPath(this.options.stage)}`;
    const body = JSON.stringify(messageAlertEvent(notice, this.now(), this.options.expiryMs));
    let renewed = false;
    for (let attempt = 1; ; attempt += 1) {
      const token = await this.options.tokens.token();
      let response: HttpResponse | undefined;
      let failure: AlexaApiError;
      try {
        response = await this.post(url, {
          headers: { Authorization: `Bearer ${token.value}`, 'Content-Type': 'application/json' },
          body, capMs: CALL_CAP_MS, what: 'the Proactive Events API',
        });
        const status = response.status;
        if (status >= 200 && status < 300) return { kind: 'sent' };
        if (status === 409) return { kind: 'duplicate' };
        const reason = reasonOf(response);
        if ((status === 401 || status === 403) && token.fromCache && !renewed) {
          // A cached token may have been revoked: one new token, and the same event once more. Not counted as an attempt.
          this.options.tokens.invalidate(token.value);
          renewed = true;
          attempt -= 1;
          continue;
        }
        if (status === 403) return { kind: 'refused', status, reason };
        failure = failureOf(status, reason);
      } catch (error) {
        if (!(error instanceof AlexaApiError)) throw error;
        failure = error;
      }
      if (!failure.retryable || attempt >= this.maxAttempts) throw failure;
      await this.sleep(backoffMs(attempt, response, BACKOFF_BASE_MS, BACKOFF_MAX_MS));
    }
  }
}

function reasonOf(response: HttpResponse): string {
  const body = jsonBody(response);
  const message = typeof body.message === 'string' ? body.message : response.text;
  return message.slice(0, 300);
}

function failureOf(status: number, reason: string): AlexaApiError {
  const said = reason === '' ? '' : `: ${reason}`;
  if (status === 429) return new AlexaApiError('ALEXA_THROTTLED', `the Proactive Events API throttled the notification (429)${said}`, { retryable: true, status });
  if (status >= 500) return new AlexaApiError('ALEXA_UNAVAILABLE', `the Proactive Events API failed with ${status}${said}`, { retryable: true, status });
  if (status === 401) return new AlexaApiError('ALEXA_UNAUTHORIZED', `the Proactive Events API refused a new token (401)${said}`, { retryable: false, status });
  return new AlexaApiError('ALEXA_EVENT_REJECTED', `the Proactive Events API refused the notification with ${status}${said}`, { retryable: false, status });
}
