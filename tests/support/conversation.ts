import type { Skill } from 'ask-sdk-core';
import type { Directive, Intent, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { aplDocumentRefusals, expectAlexaAccepts } from './alexa-response-rules';
import { envelope, intent, SKILL_ID, slot, type Caller } from './envelopes';

/** The plain words of a response's speech. */
export function spoken(response: ResponseEnvelope | undefined): string {
  const speech = response?.response.outputSpeech as { ssml?: string; text?: string } | undefined;
  return (speech?.ssml ?? speech?.text ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/\s+/g, ' ').trim();
}

export function directive(response: ResponseEnvelope | undefined, type: string): (Directive & { updatedIntent?: Intent; slotToElicit?: string }) | undefined {
  return response?.response.directives?.find((d) => d.type === type) as never;
}

/**
 * Plays Alexa's side of a conversation with the real handler chain: carries session attributes, answers a
 * Dialog.ConfirmIntent with CONFIRMED or DENIED, fills the slot a Dialog.ElicitSlot asked for, ends on
 * shouldEndSession. Every answer is held to what Alexa accepts (alexa-response-rules.ts), as a device would. Intents are given already resolved; the offline simulator tests the words-to-intent part.
 */
export class Conversation {
  readonly requests: RequestEnvelope[] = [];
  last?: ResponseEnvelope;
  private attributes: Record<string, unknown> = {};
  private sessionId = `amzn1.echo-api.session.${Math.random().toString(16).slice(2)}`;
  private isNew = true;
  ended = false;

  constructor(private readonly skill: Skill, private readonly caller: Caller = {}) {}

  /** Sends any request body and returns what Alexa would say; throws when Alexa would refuse the skill's answer. */
  async send(request: Record<string, unknown>): Promise<string> {
    const env = envelope(request, { ...this.caller, sessionId: this.sessionId, newSession: this.isNew, attributes: this.attributes });
    this.requests.push(env);
    this.last = await this.skill.invoke(env);
    expectAlexaAccepts(env, this.last);
    const aplRefusals = await aplDocumentRefusals(this.last);
    if (aplRefusals.length > 0) throw new Error(`Alexa would refuse the skill's APL document:\n  - ${aplRefusals.join('\n  - ')}`);
    this.isNew = false;
    this.attributes = (this.last.sessionAttributes as Record<string, unknown> | undefined) ?? {};
    this.ended = this.last.response.shouldEndSession === true;
    return spoken(this.last);
  }

  /**
   * Changes what the next request's session attributes say, as a forged or replayed request could: session
   * attributes come back from the device, so the skill must not trust them.
   */
  editSession(edit: (attributes: Record<string, unknown>) => Record<string, unknown>): void {
    this.attributes = edit(structuredClone(this.attributes));
  }

  launch() {
    return this.send({ type: 'LaunchRequest' });
  }

  /**
   * Starts the skill's custom task as a routine or a Quick Link does: a LaunchRequest carrying
   * `task: {name: '<skillId>.<name>', version, input}`.
   */
  task(name: string, input: Record<string, unknown> = {}, version = '1') {
    return this.send({ type: 'LaunchRequest', task: { name: name.startsWith('amzn1.') ? name : `${SKILL_ID}.${name}`, version, input } });
  }

  /**
   * Alexa hands the session back after the skill's Connections.StartConnection (its offer of a routine), with the
   * answer in the shape the skill expects (see lambda/src/handlers/shortcut.handler.ts for what is verified of it).
   */
  answerOffer(answer: 'accept' | 'decline' | 'already-enabled' | 'fail') {
    const start = directive(this.last, 'Connections.StartConnection') as { token?: string } | undefined;
    if (!start) throw new Error(`The skill started no connection; it said: ${spoken(this.last)}`);
    const reason = answer === 'decline' ? 'REJECTED_BY_CUSTOMER' : 'AUTOMATION_ALREADY_ENABLED';
    const cause = answer === 'accept'
      ? { type: 'ConnectionCompleted', token: start.token, status: { code: '200', message: 'OK' }, result: null }
      : answer === 'fail'
        ? { type: 'ConnectionCompleted', token: start.token, status: { code: '500', message: 'INTERNAL ERROR' }, result: null }
        : { type: 'ConnectionCompleted', token: start.token, status: { code: '204', message: 'No Content' }, result: { offerAutomationResponse: { reason } } };
    return this.send({ type: 'SessionResumedRequest', cause });
  }

  /** Says an intent: `ask('DeployIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] })`. */
  ask(name: string, slots: Record<string, [heard: string, id?: string | null]> = {}) {
    const built = intent(name, Object.fromEntries(Object.entries(slots).map(([n, [heard, id]]) => [n, slot(n, heard, id)])));
    return this.send({ type: 'IntentRequest', dialogState: 'STARTED', intent: built });
  }

  /** Answers a confirmation question; outside one, yes and no are intents of their own, as on a real device. */
  async answer(yes: boolean): Promise<string> {
    const confirm = directive(this.last, 'Dialog.ConfirmIntent');
    if (!confirm?.updatedIntent) return this.send({ type: 'IntentRequest', intent: intent(yes ? 'AMAZON.YesIntent' : 'AMAZON.NoIntent') });
    const updated: Intent = { ...confirm.updatedIntent, confirmationStatus: yes ? 'CONFIRMED' : 'DENIED' };
    return this.send({ type: 'IntentRequest', dialogState: yes ? 'IN_PROGRESS' : 'COMPLETED', intent: updated });
  }

  yes() {
    return this.answer(true);
  }

  no() {
    return this.answer(false);
  }

  /** Answers the slot a Dialog.ElicitSlot asked for. */
  fill(heard: string, id?: string | null): Promise<string> {
    const elicit = directive(this.last, 'Dialog.ElicitSlot');
    if (!elicit?.updatedIntent || !elicit.slotToElicit) throw new Error(`The skill did not ask for a slot; it said: ${spoken(this.last)}`);
    const updated: Intent = { ...elicit.updatedIntent, slots: { ...elicit.updatedIntent.slots, [elicit.slotToElicit]: slot(elicit.slotToElicit, heard, id) } };
    return this.send({ type: 'IntentRequest', dialogState: 'IN_PROGRESS', intent: updated });
  }
}
