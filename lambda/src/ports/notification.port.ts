/** A notification for one person about one release end. */
export interface Notice {
  /** The Alexa user (amzn1.ask.account.…) to notify. */
  readonly userId: string;
  /** Plain text: who the message is from, as Alexa reads it ("You have one new message from <text>"). */
  readonly text: string;
  /** The same for every delivery of the same release end, so that a repeat is recognised and delivered once. */
  readonly referenceId: string;
  readonly urgent: boolean;
  /** The person's `context.System.apiEndpoint` when known: where their Alexa lives (North America, Europe, Far East). */
  readonly apiEndpoint?: string;
}

export type NoticeResult =
  | { readonly kind: 'sent' }
  /** Already accepted before (the same referenceId): a repeated event or a retried invocation. */
  | { readonly kind: 'duplicate' }
  /** Alexa would not deliver it: most often the person has not allowed the skill's notifications. */
  | { readonly kind: 'refused'; readonly status: number; readonly reason: string };

/**
 * Sends Alexa notifications. Failures that a later attempt may cure throw an AlexaApiError with `retryable` true;
 * the others throw one with `retryable` false.
 */
export interface NotificationPort {
  send(notice: Notice): Promise<NoticeResult>;
}
