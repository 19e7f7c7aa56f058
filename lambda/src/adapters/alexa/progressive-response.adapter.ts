import type { ProgressiveOutcome, ProgressiveResponse, ProgressiveResponses } from '../../ports/progressive-response.port';
import { ALEXA_API_HOSTS } from './hosts';

/**
 * Progressive responses over Node's own fetch: `POST {apiEndpoint}/v1/directives` with the request's Bearer token
 * and `{header: {requestId}, directive: {type: 'VoicePlayer.Speak', speech}}`, as ask-sdk-model's
 * DirectiveServiceClient sends it. Written here rather than taken from ask-sdk-model because that client comes with
 * the SDK's whole service-client layer (ask-sdk-model.js, split out of the bundle so that a cold start never
 * evaluates it) and needs the skill built with an API client, for one POST whose answer is an empty 204.
 *
 * The endpoint comes from the request. Only Alexa's own https endpoints are trusted with the token and the words,
 * and `trustedEndpoints` names others (the simulator's loopback Alexa API); any other endpoint is not called.
 */
export class FetchProgressiveResponses implements ProgressiveResponses {
  private readonly trusted: ReadonlySet<string>;

  constructor(trustedEndpoints: readonly string[] = [], private readonly fetchFn: typeof fetch = fetch) {
    this.trusted = new Set(trustedEndpoints.map(originOf).filter((origin): origin is string => origin !== undefined));
  }

  async send(response: ProgressiveResponse, signal: AbortSignal): Promise<ProgressiveOutcome> {
    if (!this.isTrusted(response.apiEndpoint)) return { kind: 'not-sent', reason: 'endpoint-not-trusted' };
    try {
      const answer = await this.fetchFn(`${response.apiEndpoint.replace(/\/+$/, '')}/v1/directives`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${response.apiAccessToken}` },
        body: JSON.stringify({ header: { requestId: response.requestId }, directive: { type: 'VoicePlayer.Speak', speech: response.ssml } }),
        signal,
      });
      // The body (empty on 204, an error message otherwise) is not needed; cancelling it frees the socket.
      await answer.body?.cancel().catch(() => undefined);
      return answer.ok ? { kind: 'sent' } : { kind: 'refused', status: answer.status };
    } catch {
      return { kind: 'not-sent', reason: signal.aborted ? 'timeout' : 'network' };
    }
  }

  private isTrusted(endpoint: string): boolean {
    const origin = originOf(endpoint);
    if (origin === undefined) return false;
    return this.trusted.has(origin) || ALEXA_API_HOSTS.includes(origin);
  }
}

function originOf(endpoint: string): string | undefined {
  try {
    return new URL(endpoint).origin;
  } catch {
    return undefined;
  }
}
