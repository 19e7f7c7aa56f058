import { AlexaApiError } from '../../domain/errors';
import { backoffMs, fetchPost, jsonBody, sleep, type HttpPost, type HttpResponse } from './http';

/**
 * The skill's access token for the Proactive Events API: Login with Amazon's client-credentials grant,
 * `POST https://api.amazon.com/auth/o2/token` with `grant_type=client_credentials`, the skill's client id and secret
 * and `scope=alexa::proactive_events`, form-encoded; the answer is `{access_token, token_type: "bearer", expires_in}`
 * (Alexa developer blog, "How to add the ProactiveEvents API to your existing Alexa skill"; ask-sdk-model's
 * LwaServiceClient, which posts to `${authEndpoint}/auth/O2/token`).
 *
 * Why not ask-sdk-model's LwaServiceClient: it has no timeout or abort signal (a hung Amazon would hang the notifier
 * until Lambda kills it), it puts the secret into the form body without URL-encoding it, it cannot be told to drop a
 * token the API has refused, and its errors carry no Retry-After. This is the same grant in some eighty lines.
 */

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Where the client id and secret come from (an SSM parameter), and how to read them afresh after LWA refused them. */
export interface CredentialsSource {
  get(): Promise<ClientCredentials>;
  forget(): void;
}

export interface AccessToken {
  readonly value: string;
  /** True when it came from the cache rather than from LWA just now: a refusal of it is worth one new token. */
  readonly fromCache: boolean;
}

export interface LwaTokenOptions {
  /** The token endpoint; tests and the simulator give a loopback one. */
  readonly url?: string;
  readonly credentials: CredentialsSource;
  readonly post?: HttpPost;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Attempts per token, the first included, when LWA throttles or fails on its side. */
  readonly maxAttempts?: number;
  /** After LWA refuses the credentials, how long no new attempt is made: a burst of events makes no burst of refusals. */
  readonly refusalHoldMs?: number;
}

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';
export const PROACTIVE_EVENTS_SCOPE = 'alexa::proactive_events';
/** A token is renewed this long before it expires, so that none expires on its way to the API. */
const EXPIRY_MARGIN_MS = 60_000;
const CALL_CAP_MS = 3000;
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 2000;

export class LwaTokenSource {
  private cached: { value: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private refused: { error: AlexaApiError; until: number } | undefined;
  private readonly url: string;
  private readonly post: HttpPost;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly refusalHoldMs: number;

  constructor(private readonly options: LwaTokenOptions) {
    this.url = options.url ?? LWA_TOKEN_URL;
    this.post = options.post ?? fetchPost;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.refusalHoldMs = options.refusalHoldMs ?? 5 * 60_000;
  }

  /** A token valid for at least another minute: the cached one, else a new one (one request for concurrent callers). */
  async token(): Promise<AccessToken> {
    const now = this.now();
    if (this.cached && now < this.cached.expiresAt - EXPIRY_MARGIN_MS) return { value: this.cached.value, fromCache: true };
    if (this.refused && now < this.refused.until) throw this.refused.error;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return { value: await this.pending, fromCache: false };
  }

  /** Forgets a token the API refused, so that the next call asks LWA for a new one. */
  invalidate(value: string): void {
    if (this.cached?.value === value) this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { clientId, clientSecret } = await this.options.credentials.get();
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: PROACTIVE_EVENTS_SCOPE }).toString();
    for (let attempt = 1; ; attempt += 1) {
      let response: HttpResponse | undefined;
      let failure: AlexaApiError;
      try {
        response = await this.post(this.url, {
          headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
          body, capMs: CALL_CAP_MS, what: 'Login with Amazon',
        });
        const outcome = this.read(response);
        if (typeof outcome === 'string') return outcome;
        failure = outcome;
      } catch (error) {
        if (!(error instanceof AlexaApiError)) throw error;
        failure = error;
      }
      if (!failure.retryable || attempt >= this.maxAttempts) throw failure;
      await this.sleep(backoffMs(attempt, response, BACKOFF_BASE_MS, BACKOFF_MAX_MS));
    }
  }

  /** The token from a 200, else the error the answer means. */
  private read(response: HttpResponse): string | AlexaApiError {
    const body = jsonBody(response);
    if (response.status === 200) {
      const token = body.access_token;
      const expiresIn = Number(body.expires_in);
      if (typeof token !== 'string' || token === '' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
        return new AlexaApiError('ALEXA_TOKEN_MALFORMED', 'Login with Amazon answered 200 without an access token and its lifetime', { retryable: true, status: 200 });
      }
      this.cached = { value: token, expiresAt: this.now() + expiresIn * 1000 };
      this.refused = undefined;
      return token;
    }
    const oauthError = typeof body.error === 'string' ? body.error : undefined;
    const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
    if (response.status === 429 || response.status >= 500) {
      return new AlexaApiError(response.status === 429 ? 'ALEXA_THROTTLED' : 'ALEXA_UNAVAILABLE',
        `Login with Amazon answered ${response.status}${oauthError ? ` (${oauthError}${description})` : ''}`, { retryable: true, status: response.status });
    }
    // 400 and 401 (invalid_client, invalid_scope, unauthorized_client…): the credentials or the skill's set-up are
    // wrong, and asking again changes nothing. Read them afresh next time: someone may be fixing the parameter.
    const error = new AlexaApiError('ALEXA_CREDENTIALS_REJECTED',
      `Login with Amazon refused the skill's client credentials with ${response.status} (${oauthError ?? 'no error code'}${description}). `
      + 'Check the client id and secret from the Alexa developer console (Build > Permissions) in the SSM parameter, '
      + 'and that the skill declares the notifications permission.', { retryable: false, status: response.status });
    this.refused = { error, until: this.now() + this.refusalHoldMs };
    this.options.credentials.forget();
    return error;
  }
}
