import type { dialog, DialogState, Intent, interfaces, RequestEnvelope, ResponseEnvelope, SessionEndedReason } from 'ask-sdk-model';
import { EXIT_UTTERANCES, languageOf } from './builtins';
import { dialogDirective, dialogStateAfterConfirmation, planDelegation, stepFromDirective, withSlot, yesOrNo, type PendingStep } from './dialog';
import {
  API_ENDPOINT, fakeApiAccessToken, intentRequest, launchRequest, randomDeviceId, randomUserId, randomUuid, requestIdFrom,
  sessionEndedRequest, sessionIdFrom, sessionResumedRequest, type Caller, type ConnectionCause, type RequestStamp,
  type SessionSnapshot, type TaskLaunch,
} from './envelopes';
import { SimulatorError, SkillResponseRejectedError } from './errors';
import { parseInvocation } from './invocation';
import { UtteranceMatcher } from './matcher';
import { delegationStrategyOf, findDialogIntent, findIntent, slotTypeOf, type InteractionModel } from './model';
import { deviceContext, screenSummary, type DeviceKind } from './device';
import { aplDocumentBreaches, responseBreaches, type ResponseContext } from './response-rules';
import { SkillSession } from './session';
import { buildIntent, completeIntent, emptySlot, filledSlot, isKnownValue, slotValues } from './slots';
import { normalise } from './text';
import type { LocalAlexaApi } from './alexa-api';
import { captionOf } from './transcript';

/** Any skill, reached in memory, over loopback or through a Lambda: one request in, one response out. */
export type SkillInvoker = (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;

export interface SimulatorOptions {
  readonly model: InteractionModel;
  readonly invoker: SkillInvoker;
  readonly skillId: string;
  readonly locale: string;
  readonly userId?: string;
  readonly personId?: string;
  readonly deviceId?: string;
  /** Source of the uuids in session and request ids; tests pin it. */
  readonly uuid?: () => string;
  /** Source of request timestamps; tests pin it. */
  readonly clock?: () => Date;
  /**
   * The loopback Alexa API (alexa-api.ts) the requests name as their apiEndpoint, so that the skill's progressive
   * responses are heard before its answer. Without one, requests name Alexa's real endpoint, which nothing here calls.
   */
  readonly alexaApi?: Pick<LocalAlexaApi, 'url' | 'waiting' | 'answered'>;
  /** A speaker (the default) or an Echo Show, whose requests say it supports APL when the manifest declares it. */
  readonly device?: DeviceKind;
  /** The interfaces the skill's manifest declares (skill.json apis.custom.interfaces); none unless given. */
  readonly manifestInterfaces?: readonly string[];
}

/** One thing Alexa says: the skill's speech or a dialog prompt, a progressive response, or Alexa's own offer. */
export interface Caption {
  readonly text: string;
  readonly kind?: 'progressive' | 'offer';
}

/** Everything one user input caused. */
export interface Turn {
  /** What the user said; for a task launch, the task's name and input. */
  readonly user: string;
  /** Set when a routine or a Quick Link launched one of the skill's tasks, rather than the user speaking. */
  readonly task?: TaskLaunch;
  /** One input can cause several requests: a Dialog.Delegate that completes is followed by a COMPLETED intent. */
  readonly requests: RequestEnvelope[];
  readonly responses: ResponseEnvelope[];
  /** Captions in the order Alexa speaks them: the skill's speech and the dialog model's prompts. */
  readonly alexa: string[];
  /** The same captions, each with what kind of speech it is. */
  readonly captions: Caption[];
  /** What the skill drew on the screen, one line per RenderDocument: `[screen: status — Source ✓ · Build ▶]`. */
  readonly screens: string[];
  readonly sessionEnded: boolean;
  /** The first intent sent this turn, with the slot values it carried; undefined when no intent was sent. */
  readonly resolved: { intent: string; slots: Record<string, string> } | undefined;
  /**
   * What the invoker threw, or why the skill's response was refused (a {@link SkillResponseRejectedError} naming the
   * rules Alexa holds responses to); the session ended with an ERROR.
   */
  readonly error?: unknown;
}

type MutableTurn = { -readonly [K in keyof Turn]: Turn[K] };

/** What Alexa says when a skill throws or answers with something it cannot use. */
export const PROBLEM_CAPTION = "There was a problem with the requested skill's response";

/** A skill that keeps delegating would otherwise loop forever within one input. */
const MAX_REQUESTS_PER_TURN = 10;

/**
 * Alexa's side of a conversation with one skill, simulated from the skill's interaction model: it understands what
 * the user says, keeps the session and dialog state, sends request envelopes to the invoker and reads its responses.
 * It prints nothing.
 */
export class Simulator {
  private readonly model: InteractionModel;
  private readonly invoker: SkillInvoker;
  private readonly matcher: UtteranceMatcher;
  private readonly caller: Caller;
  private readonly uuid: () => string;
  private readonly clock: () => Date;
  private readonly alexaApi: SimulatorOptions['alexaApi'];
  private readonly manifestInterfaces: readonly string[];
  private session: SkillSession | undefined;
  private pending: PendingStep | undefined;
  private lastIntent: Intent | undefined;
  /** Alexa's offer of a routine, waiting for the user's answer. */
  private offer: { readonly token?: string; readonly phrase: string; readonly key: string } | undefined;
  /** The routines this user has (their operations) and the phrases they use, as Alexa keeps them across sessions. */
  private readonly routines = new Set<string>();
  private readonly phrasesInUse = new Set<string>();

  constructor(options: SimulatorOptions) {
    this.model = options.model;
    this.invoker = options.invoker;
    this.matcher = new UtteranceMatcher(options.model, options.locale);
    this.uuid = options.uuid ?? randomUuid;
    this.clock = options.clock ?? ((): Date => new Date());
    this.alexaApi = options.alexaApi;
    this.manifestInterfaces = options.manifestInterfaces ?? [];
    const userId = options.userId ?? randomUserId();
    const deviceId = options.deviceId ?? randomDeviceId();
    this.caller = {
      skillId: options.skillId,
      locale: options.locale,
      userId,
      deviceId,
      ...(options.personId ? { personId: options.personId } : {}),
      apiEndpoint: options.alexaApi?.url ?? API_ENDPOINT,
      apiAccessToken: fakeApiAccessToken(options.skillId, userId, deviceId, this.clock()),
      device: deviceContext(options.device ?? 'speaker', this.manifestInterfaces),
    };
  }

  /** Whether a skill session is open: the next input goes to the skill without naming it. */
  get inSession(): boolean {
    return this.session !== undefined;
  }

  /** One thing the user says, and everything that follows from it until Alexa waits for the user again. */
  async say(text: string): Promise<Turn> {
    const user = text.trim();
    if (user === '') throw new SimulatorError('Nothing was said: a user input needs at least one word.');
    const turn: MutableTurn = { user, requests: [], responses: [], alexa: [], captions: [], screens: [], sessionEnded: false, resolved: undefined };
    if (!this.session) {
      await this.startSession(turn, user);
    } else if (EXIT_UTTERANCES.includes(normalise(user))) {
      await this.endByUser(turn);
    } else {
      await this.continueSession(turn, normalise(user));
    }
    return turn;
  }

  /**
   * A routine ("Alexa, push to prod") or a Quick Link starting one of the skill's custom tasks: a new session whose
   * LaunchRequest carries `task: {name: '<skillId>.<name>', version, input}`. A session still open is ended first,
   * as when the user starts something else.
   */
  async startTask(name: string, input: Record<string, unknown> = {}, version = '1'): Promise<Turn> {
    if (name.trim() === '') throw new SimulatorError('A task launch needs the task\'s name, such as PushToProd.');
    const task: TaskLaunch = { name: name.trim(), version, input };
    const turn: MutableTurn = { user: `${task.name} ${JSON.stringify(input)}`, task, requests: [], responses: [], alexa: [], captions: [], screens: [], sessionEnded: false, resolved: undefined };
    if (this.session) {
      await this.notifyEnd(turn, 'USER_INITIATED');
      this.endSession(turn);
      turn.sessionEnded = false;
    }
    this.session = new SkillSession(sessionIdFrom(this.uuid()));
    this.pending = undefined;
    this.lastIntent = undefined;
    await this.send(turn, (session, stamp) => launchRequest(this.caller, session, stamp, task));
    return turn;
  }

  private async startSession(turn: MutableTurn, user: string): Promise<void> {
    const invocation = parseInvocation(user, this.model.languageModel.invocationName, this.caller.locale);
    this.session = new SkillSession(sessionIdFrom(this.uuid()));
    this.pending = undefined;
    this.offer = undefined;
    this.lastIntent = undefined;
    if (invocation.kind === 'launch') {
      await this.send(turn, (session, stamp) => launchRequest(this.caller, session, stamp));
    } else {
      await this.startIntent(turn, this.understand(invocation.utterance));
    }
  }

  private async continueSession(turn: MutableTurn, said: string): Promise<void> {
    const offer = this.offer;
    this.offer = undefined;
    if (offer) {
      await this.answerOffer(turn, offer, said);
      return;
    }
    const pending = this.pending;
    this.pending = undefined;
    if (pending && (await this.answer(turn, pending, said))) return;
    // Anything that does not answer the pending step is a new request, as on Alexa.
    await this.startIntent(turn, this.understand(said));
  }

  /** Intent and slots for an utterance; never undefined, because Alexa always picks an intent. */
  private understand(utterance: string): Intent {
    const match = this.matcher.match(utterance);
    if (!match) return buildIntent(this.model, this.caller.skillId, this.matcher.unmatched(utterance), {}, this.caller.locale);
    return buildIntent(this.model, this.caller.skillId, match.intent, match.slots, this.caller.locale);
  }

  private async startIntent(turn: MutableTurn, intent: Intent): Promise<void> {
    const inDialogModel = findDialogIntent(this.model, intent.name) !== undefined;
    if (inDialogModel && delegationStrategyOf(this.model, intent.name) === 'ALWAYS') {
      // Auto-delegation: Alexa runs the dialog and the skill first hears of it when it is COMPLETED.
      await this.delegate(turn, intent);
    } else {
      await this.sendIntent(turn, intent, inDialogModel ? 'STARTED' : undefined);
    }
  }

  /** Applies the user's answer to a pending step; false when the utterance does not answer it. */
  private async answer(turn: MutableTurn, pending: PendingStep, said: string): Promise<boolean> {
    if (pending.kind === 'elicit') {
      const filled = this.fillElicitedSlot(pending.intent, pending.slot, said);
      if (!filled) return false;
      await this.continueDialog(turn, filled, pending.delegated);
      return true;
    }
    const answer = yesOrNo(said, this.caller.locale);
    if (!answer) return false;
    const status = answer === 'yes' ? 'CONFIRMED' : 'DENIED';
    if (pending.kind === 'confirm-slot') {
      const slot = pending.intent.slots?.[pending.slot] ?? emptySlot(pending.slot);
      await this.continueDialog(turn, withSlot(pending.intent, pending.slot, { ...slot, confirmationStatus: status }), pending.delegated);
      return true;
    }
    const intent: Intent = { ...pending.intent, confirmationStatus: status };
    if (status === 'DENIED') await this.sendIntent(turn, intent, dialogStateAfterConfirmation(status));
    else await this.continueDialog(turn, intent, pending.delegated);
    return true;
  }

  /**
   * The intent with the elicited slot filled from `said`, or undefined when `said` is something else. In order: a
   * sample of the same intent (or of the slot) that fills the slot; a value the slot type knows; another intent's
   * sample with literal words ("help", "cancel") means the user moved on; anything else is the slot value, since
   * custom slot types are open.
   */
  private fillElicitedSlot(intent: Intent, slotName: string, said: string): Intent | undefined {
    const slotSamples = findIntent(this.model, intent.name)?.slots?.find((s) => s.name === slotName)?.samples ?? [];
    const own = this.matcher.matchAgainst(this.matcher.patternsOf(intent.name, slotSamples), said);
    if (own && own.literalWords > 0 && own.slots[slotName] !== undefined) {
      return Object.entries(own.slots).reduce((updated, [name, spoken]) => this.fill(updated, name, spoken), intent);
    }
    const type = slotTypeOf(this.model, intent.name, slotName);
    if (type !== undefined && isKnownValue(this.model, type, said, this.caller.locale)) return this.fill(intent, slotName, said);
    const other = this.matcher.match(said);
    if (other && other.literalWords > 0 && other.intent !== intent.name) return undefined;
    return this.fill(intent, slotName, said);
  }

  private fill(intent: Intent, slotName: string, spoken: string): Intent {
    const type = slotTypeOf(this.model, intent.name, slotName) ?? 'AMAZON.SearchQuery';
    return withSlot(intent, slotName, filledSlot(this.model, this.caller.skillId, slotName, type, spoken, this.caller.locale));
  }

  /** After an answer: Alexa goes on by itself under auto-delegation, otherwise the skill hears IN_PROGRESS. */
  private async continueDialog(turn: MutableTurn, intent: Intent, delegated: boolean): Promise<void> {
    if (delegated && delegationStrategyOf(this.model, intent.name) === 'ALWAYS') await this.delegate(turn, intent);
    else await this.sendIntent(turn, intent, 'IN_PROGRESS');
  }

  /** Dialog.Delegate: Alexa asks what the dialog model requires, or sends the skill the COMPLETED intent. */
  private async delegate(turn: MutableTurn, intent: Intent): Promise<void> {
    const plan = planDelegation(this.model, completeIntent(this.model, intent));
    if (plan.kind === 'complete') {
      await this.sendIntent(turn, plan.intent, 'COMPLETED');
      return;
    }
    if (plan.prompt !== undefined) speak(turn, plan.prompt);
    this.pending = plan.step;
    this.lastIntent = plan.step.intent;
    turn.resolved ??= { intent: intent.name, slots: slotValues(intent) };
  }

  private async sendIntent(turn: MutableTurn, intent: Intent, dialogState: DialogState | undefined): Promise<void> {
    this.lastIntent = intent;
    turn.resolved ??= { intent: intent.name, slots: slotValues(intent) };
    await this.send(turn, (session, stamp) => intentRequest(this.caller, session, stamp, intent, dialogState));
  }

  private async send(turn: MutableTurn, build: (session: SessionSnapshot, stamp: RequestStamp) => RequestEnvelope): Promise<void> {
    const session = this.session;
    if (!session) return;
    if (turn.requests.length >= MAX_REQUESTS_PER_TURN) {
      await this.fail(turn, new SimulatorError(`The skill kept the dialog going for ${MAX_REQUESTS_PER_TURN} requests in one turn`));
      return;
    }
    const envelope = build(session.nextRequest(), this.stamp());
    turn.requests.push(envelope);
    const { requestId, type } = envelope.request;
    // Alexa takes progressive responses only for Launch and Intent requests, and plays them before the answer.
    const progressive = this.alexaApi && (type === 'LaunchRequest' || type === 'IntentRequest') ? this.alexaApi : undefined;
    progressive?.waiting(requestId, this.caller.apiAccessToken);
    let response: ResponseEnvelope;
    try {
      response = await this.invoker(envelope);
    } catch (error) {
      progressive?.answered(requestId);
      await this.fail(turn, error);
      return;
    }
    for (const said of progressive?.answered(requestId) ?? []) speak(turn, said, 'progressive');
    turn.responses.push(response);
    // Alexa checks the whole response before it says any of it: a refused one is never spoken.
    const context: ResponseContext = { manifestInterfaces: this.manifestInterfaces, supportedInterfaces: this.caller.device?.supportedInterfaces ?? {} };
    const breaches = responseBreaches(this.model, envelope.request, response, context);
    if (breaches.length === 0) breaches.push(...await aplDocumentBreaches(response));
    if (breaches.length > 0) {
      await this.fail(turn, new SkillResponseRejectedError(breaches));
      return;
    }
    await this.handleResponse(turn, session, response);
  }

  private async handleResponse(turn: MutableTurn, session: SkillSession, envelope: ResponseEnvelope): Promise<void> {
    const response = envelope?.response;
    if (typeof response !== 'object' || response === null) {
      await this.fail(turn, new SimulatorError('The skill answered without a `response` object'));
      return;
    }
    session.keepAttributes(envelope.sessionAttributes);
    const caption = captionOf(response.outputSpeech);
    if (caption !== undefined) speak(turn, caption);
    for (const render of (response.directives ?? []).filter((d) => d.type === 'Alexa.Presentation.APL.RenderDocument')) {
      turn.screens.push(screenSummary(render as unknown as Record<string, unknown>));
    }
    const connection = (response.directives ?? []).find((d) => d.type === 'Connections.StartConnection') as interfaces.connections.V1.StartConnectionDirective | undefined;
    if (connection) {
      this.pending = undefined;
      await this.connect(turn, connection);
      return;
    }
    const directive = dialogDirective(response);
    if (response.shouldEndSession === true) {
      this.endSession(turn);
      return;
    }
    this.pending = undefined;
    if (!directive) return;
    const intent = directiveIntent(directive) ?? this.lastIntent;
    if (!intent) {
      await this.fail(turn, new SimulatorError(`${directive.type} needs an updatedIntent when no intent is in progress`));
      return;
    }
    const complete = completeIntent(this.model, intent);
    if (directive.type === 'Dialog.Delegate') {
      await this.delegate(turn, complete);
      return;
    }
    this.pending = stepFromDirective(directive, complete);
    this.lastIntent = complete;
  }

  /**
   * Alexa takes over for a skill connection. For AMAZON.OfferAutomation it offers the routine in its own words (the
   * wording here is the simulator's: Alexa's own prompt is not published) with the first phrase the user does not
   * use yet, and the user's next input answers; a routine the user has already comes back AUTOMATION_ALREADY_ENABLED
   * at once. The answer's shape is what handlers/shortcut.handler.ts expects, unverified against Alexa (see there).
   * Any other connection comes back as not supported here.
   */
  private async connect(turn: MutableTurn, connection: interfaces.connections.V1.StartConnectionDirective): Promise<void> {
    const token = connection.token;
    if (connection.uri !== 'connection://AMAZON.OfferAutomation/1') {
      await this.resume(turn, { token, status: { code: '404', message: `The simulator plays only AMAZON.OfferAutomation, not ${connection.uri}` } });
      return;
    }
    const automation = (connection.input as { automation?: { trigger?: { payload?: { utterances?: unknown } }; operations?: unknown } } | undefined)?.automation;
    const key = JSON.stringify(automation?.operations ?? null);
    if (this.routines.has(key)) {
      await this.resume(turn, { token, status: { code: '204', message: 'No Content' }, result: { offerAutomationResponse: { reason: 'AUTOMATION_ALREADY_ENABLED' } } });
      return;
    }
    const utterances = automation?.trigger?.payload?.utterances;
    const phrase = (Array.isArray(utterances) ? utterances : []).find((u): u is string => typeof u === 'string' && !this.phrasesInUse.has(u));
    if (phrase === undefined) {
      await this.resume(turn, { token, status: { code: '409', message: 'The user uses every phrase offered already' } });
      return;
    }
    const rendering = (connection.input as { renderingData?: { operations?: Record<string, { descriptionPrompt?: unknown }> } } | undefined)?.renderingData;
    const described = Object.values(rendering?.operations ?? {}).map((o) => o.descriptionPrompt).find((d): d is string => typeof d === 'string');
    speak(turn, offerQuestion(this.caller.locale, phrase, described), 'offer');
    this.offer = { token, phrase, key };
  }

  private async answerOffer(turn: MutableTurn, offer: NonNullable<Simulator['offer']>, said: string): Promise<void> {
    if (yesOrNo(said, this.caller.locale) === 'yes') {
      this.routines.add(offer.key);
      this.phrasesInUse.add(offer.phrase);
      await this.resume(turn, { token: offer.token, status: { code: '200', message: 'OK' } });
    } else {
      await this.resume(turn, { token: offer.token, status: { code: '204', message: 'No Content' }, result: { offerAutomationResponse: { reason: 'REJECTED_BY_CUSTOMER' } } });
    }
  }

  /** Hands the session back to the skill after a connection. */
  private async resume(turn: MutableTurn, cause: ConnectionCause): Promise<void> {
    await this.send(turn, (session, stamp) => sessionResumedRequest(this.caller, session, stamp, cause));
  }

  private async endByUser(turn: MutableTurn): Promise<void> {
    await this.notifyEnd(turn, 'USER_INITIATED');
    this.endSession(turn);
  }

  /** As Alexa does when a skill fails: an apology, a SessionEndedRequest with reason ERROR, the session over. */
  private async fail(turn: MutableTurn, error: unknown): Promise<void> {
    turn.error = error;
    speak(turn, PROBLEM_CAPTION);
    await this.notifyEnd(turn, 'ERROR', 'An exception occurred while dispatching the request to the skill.');
    this.endSession(turn);
  }

  /** A SessionEndedRequest; the skill's answer is recorded but never spoken, and its failure changes nothing. */
  private async notifyEnd(turn: MutableTurn, reason: SessionEndedReason, errorMessage?: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    const error = errorMessage === undefined ? undefined : { type: 'INVALID_RESPONSE' as const, message: errorMessage };
    const envelope = sessionEndedRequest(this.caller, session.nextRequest(), this.stamp(), reason, error);
    turn.requests.push(envelope);
    try {
      turn.responses.push(await this.invoker(envelope));
    } catch (failure) {
      turn.error ??= failure;
    }
  }

  private endSession(turn: MutableTurn): void {
    this.session = undefined;
    this.pending = undefined;
    this.offer = undefined;
    this.lastIntent = undefined;
    turn.sessionEnded = true;
  }

  private stamp(): RequestStamp {
    return { requestId: requestIdFrom(this.uuid()), timestamp: this.clock() };
  }
}

function speak(turn: MutableTurn, text: string, kind?: Caption['kind']): void {
  turn.alexa.push(text);
  turn.captions.push(kind === undefined ? { text } : { text, kind });
}

function directiveIntent(directive: NonNullable<ReturnType<typeof dialogDirective>>): Intent | undefined {
  return (directive as dialog.DelegateDirective | dialog.ElicitSlotDirective).updatedIntent;
}

/** Alexa's own question when a skill offers a routine, in the device's language (English for others). */
function offerQuestion(locale: string, phrase: string, described: string | undefined): string {
  switch (languageOf(locale)) {
    case 'de': return `Möchtest du eine Routine hinzufügen? Wenn du "${phrase}" sagst, wird Alexa ${described ? `"${described}" starten` : 'den Skill starten'}.`;
    case 'fr': return `Voulez-vous ajouter une routine ? Quand vous direz "${phrase}", Alexa lancera ${described ? `"${described}"` : 'le skill'}.`;
    default: return `Do you want to add a routine? When you say "${phrase}", Alexa will ${described ? `start "${described}"` : 'start the skill'}.`;
  }
}
