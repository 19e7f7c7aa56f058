/**
 * Alexa's progressive responses: something said while the skill is still working out its answer ("Checking the
 * checkout pipeline…"), sent to the Directive Service of the request's own Alexa API endpoint.
 */
export interface ProgressiveResponse {
  /** `context.System.apiEndpoint` of the request. */
  readonly apiEndpoint: string;
  /** `context.System.apiAccessToken` of the request: a secret, never logged. */
  readonly apiAccessToken: string;
  /** The request the progressive response belongs to; Alexa plays it only before that request's answer. */
  readonly requestId: string;
  /** `<speak>…</speak>` */
  readonly ssml: string;
}

export type ProgressiveOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'refused'; readonly status: number }
  | { readonly kind: 'not-sent'; readonly reason: 'endpoint-not-trusted' | 'timeout' | 'network' };

export interface ProgressiveResponses {
  /** Sends one VoicePlayer.Speak directive; never throws, and gives up when `signal` aborts. */
  send(response: ProgressiveResponse, signal: AbortSignal): Promise<ProgressiveOutcome>;
}
