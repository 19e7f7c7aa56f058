import { AlexaApiError } from '../../domain/errors';
import { callBudgetMs } from '../../runtime/deadline';

/**
 * One HTTPS POST to Amazon (Login with Amazon, the Alexa APIs) with Node's own fetch, inside the invocation's deadline:
 * each call gets an abort signal for what is left of it, at most `capMs`. Redirects are refused rather than followed,
 * so a client secret or a bearer token never goes anywhere but the URL it was meant for.
 */

export interface HttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly text: string;
}

export interface HttpRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The most this call may take when the deadline leaves more. */
  readonly capMs: number;
  /** Names the call in errors: "Login with Amazon", "the Proactive Events API". */
  readonly what: string;
}

export type HttpPost = (url: string, request: HttpRequest) => Promise<HttpResponse>;

/** The POST every Alexa adapter uses unless a test gives its own. */
export const fetchPost: HttpPost = async (url, request) => {
  const budgetMs = callBudgetMs(request.capMs);
  if (budgetMs <= 0) throw new AlexaApiError('ALEXA_TIMEOUT', `${request.what}: no time left before the deadline; not sent`, { retryable: true });
  const signal = AbortSignal.timeout(budgetMs);
  try {
    const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal, redirect: 'error' });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (signal.aborted) {
      throw new AlexaApiError('ALEXA_TIMEOUT', `${request.what} did not answer within ${budgetMs} ms`, { retryable: true, cause: error });
    }
    throw new AlexaApiError('ALEXA_UNREACHABLE', `${request.what} could not be reached: ${describe(error)}`, { retryable: true, cause: error });
  }
};

/** A response body as JSON, or an empty object when it is not JSON (an error page, nothing at all). */
export function jsonBody(response: HttpResponse): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(response.text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

/** Retry-After in milliseconds, when the answer carries one in seconds. */
export function retryAfterMs(response: HttpResponse): number | undefined {
  const header = response.headers.get('retry-after');
  const seconds = header === null || header.trim() === '' ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** How long to wait before attempt `attempt` + 1 (1-based): Retry-After when given, else doubling, at most `maxMs`. */
export function backoffMs(attempt: number, response: HttpResponse | undefined, baseMs: number, maxMs: number): number {
  const asked = response === undefined ? undefined : retryAfterMs(response);
  return Math.min(maxMs, asked ?? baseMs * 2 ** (attempt - 1));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
