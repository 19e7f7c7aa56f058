import type { SessionSnapshot } from './envelopes';

/**
 * One skill session as Alexa keeps it: an id, whether the skill has heard from it yet, and the attributes the skill
 * last returned, which go back to the skill with the next request.
 */
export class SkillSession {
  private sent = 0;
  private attributes: Record<string, unknown> | undefined;

  constructor(readonly sessionId: string) {}

  /** The view of the session for the next request; counts it as sent. */
  nextRequest(): SessionSnapshot {
    const snapshot = { sessionId: this.sessionId, isNew: this.sent === 0, ...(this.attributes ? { attributes: this.attributes } : {}) };
    this.sent += 1;
    return snapshot;
  }

  /** Keeps what the skill returned. A response without sessionAttributes clears them, as it does on Alexa. */
  keepAttributes(attributes: Record<string, unknown> | undefined): void {
    this.attributes = attributes;
  }
}
