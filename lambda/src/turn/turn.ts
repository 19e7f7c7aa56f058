import type { HandlerInput, ResponseBuilder } from 'ask-sdk-core';
import type { Intent, interfaces, Response } from 'ask-sdk-model';
import type { Config } from '../config/schema';
import type { Principal } from '../domain/access';
import type { DeliveryReports } from '../domain/delivery-reports';
import type { Catalog, SpokenValue } from '../domain/catalog';
import type { ReadBack } from '../domain/consent';
import type { Target } from '../domain/release';
import type { ReleaseJournal } from '../domain/release-journal';
import type { ReleasePolicy } from '../domain/release-policy';
import type { ReleaseService } from '../domain/release-service';
import type { ShortcutOffers } from '../domain/shortcut-offers';
import type { Logger } from '../logging/logger';
import type { ScreenView } from '../screens/screen-view';
import { prepareSpokenTimes, type Messages } from '../speech';
import { buildCard, type CardFact } from '../speech/cards';
import { toSpeech, type Ssml } from '../speech/ssml';
import { Progress, type ProgressiveSettings, type ProgressTarget } from './progress';
import { aplRuntimeOf, confirmationStatus, intentOf, isRecord, localeOf, requestType, spokenSlot } from './request-shape';
import {
  rememberScreenQuestion, rememberShortcutDue, shortcutDueOf,
  forgetReadBack, freezeOverrideOf, gateOverridesOf, readBackOf, rememberFreezeOverride, rememberGateOverride, rememberReadBack,
} from './session';

/** What every turn may use, built once by the composition root. */
export interface SkillDeps {
  readonly config: Config;
  readonly catalog: Catalog;
  readonly releases: ReleaseService;
  readonly policy: ReleasePolicy;
  /** What the skill started, for the notifier; and the outcomes a person has not heard yet. */
  readonly journal: ReleaseJournal;
  /** Delivery reports: deployment frequency, change failure rate, time to restore. */
  readonly reports: DeliveryReports;
  readonly logger: Logger;
  readonly now: () => Date;
  /** When to offer a person a routine shortcut, kept in the state store. */
  readonly shortcuts: ShortcutOffers;
  /** Progressive responses while slow reads run; none without. */
  readonly progressive?: ProgressiveSettings;
}

export type AuditAction = 'deploy' | 'rollback' | 'status' | 'access' | 'lock' | 'preview' | 'approve' | 'reject' | 'shortcut';

/** Slots whose values a directive never echoes: the spoken release code is read from the request, once. */
const SECRET_SLOTS: ReadonlySet<string> = new Set(['pin']);
/** No real slot (value and resolutions) comes near this; a larger one is treated as not heard rather than echoed. */
const MAX_SLOT_JSON_LENGTH = 2000;
/** The APL document and its data source: bundled on their own (screens.js), loaded by the first screen a device asks for. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, see above
const screens = () => require('../screens/render-document') as typeof import('../screens/render-document');

/**
 * One request, as the handlers see it: who is asking and whether they are allowed, the words for their locale, the
 * request's intent and the slots the interaction model gives it, what the session holds, and the one way each kind
 * of answer is built. Handlers receive a Turn and return a Response; they never reach into the envelope themselves.
 */
export class Turn {
  /** Set once the handler knows which service and environment the request is about, for audit lines and errors. */
  where?: Target;
  private slotNames: readonly string[] = [];
  private chained?: Intent;
  private progressOf?: Progress;
  private view?: ScreenView;

  constructor(
    readonly input: HandlerInput,
    readonly deps: SkillDeps,
    readonly speech: Messages,
    readonly principal: Principal,
    readonly allowed: boolean,
    /**
     * The intent a read-back asked about as a plain question on a screen in the previous turn (taken out of the
     * session by the request interceptor: it lives this one turn), for this turn's yes or no alone.
     */
    readonly screenQuestion?: Intent,
  ) {}

  /** This turn, answering an intent whose interaction model defines `slots`. */
  forIntent(slots: readonly string[]): this {
    this.slotNames = slots;
    return this;
  }

  get requestId(): string {
    return this.input.requestEnvelope.request.requestId;
  }

  /**
   * Answers this request as if the person had asked for `intent` ("intent chaining"): a custom task arrives as a
   * LaunchRequest and leads into the intent's handler, whose Dialog directives then name that intent. The intent is
   * built by the skill from the task's input, never taken from it, so it carries no confirmation. A yes or no to a
   * read-back asked on a screen chains too: into the intent that read-back asked about, CONFIRMED or DENIED, as the
   * Dialog.ConfirmIntent a speaker gets would have sent it (screen-answer.handler.ts).
   */
  chainTo(intent: Intent): this {
    this.chained = intent;
    return this;
  }

  /** The request's intent, or the intent this launch chains into; only for intent requests and chained launches. */
  get intent(): Intent {
    return this.chained ?? intentOf(this.input);
  }

  get confirmation(): 'NONE' | 'CONFIRMED' | 'DENIED' {
    return confirmationStatus(this.intent);
  }

  /** What was heard for a slot of this intent. */
  slot(name: string): SpokenValue {
    return spokenSlot(this.intent, name, localeOf(this.input));
  }

  /**
   * Progressive responses for this request ("Checking the checkout pipeline…" while a slow read runs): only for
   * Launch and Intent requests, which Alexa takes them for, and only with the request's API endpoint and token.
   */
  get progress(): Progress {
    this.progressOf ??= new Progress(progressTargetOf(this.input), this.deps.progressive, this.deps.logger);
    return this.progressOf;
  }

  /** Runs a read that may be slow; when it takes long, Alexa says `speech` meanwhile (see {@link Progress}). */
  whileSlow<T>(speech: Ssml, read: () => Promise<T>): Promise<T> {
    return this.progress.whileSlow(speech, read);
  }

  /**
   * This turn will say when things happened: the time formatting it needs is prepared while its AWS reads are in
   * flight, instead of after them (runtime/while-waiting.ts says why). Only a warm-up: nothing depends on it.
   */
  willSayTimes(): void {
    prepareSpokenTimes(localeOf(this.input), this.deps.config.timeZone);
  }

  // --- the session ---

  readBack(): ReadBack | undefined {
    return readBackOf(this.input);
  }

  rememberReadBack(readBack: ReadBack): void {
    rememberReadBack(this.input, readBack);
  }

  forgetReadBack(): void {
    forgetReadBack(this.input);
  }

  /** Whether the read-back found this person still due the shortcut offer that follows a first release. */
  shortcutDue(): boolean {
    return shortcutDueOf(this.input);
  }

  rememberShortcutDue(due: boolean): void {
    rememberShortcutDue(this.input, due);
  }

  freezeOverride(): string | undefined {
    return freezeOverrideOf(this.input);
  }

  rememberFreezeOverride(marker: string): void {
    rememberFreezeOverride(this.input, marker);
  }

  /** The alarm and bake-time overrides an admin gave in this session. */
  gateOverrides(): readonly string[] {
    return gateOverridesOf(this.input);
  }

  rememberGateOverride(marker: string): void {
    rememberGateOverride(this.input, marker);
  }

  // --- answers ---

  /**
   * What a screen shows with this turn's answer (say, sayWithCard, ask, confirm), on a device that supports APL; a
   * device without one gets exactly the voice answer. Never with a Dialog directive: Alexa refuses a response that
   * carries any other directive beside one ("No other directives are allowed to be specified with a Dialog
   * directive"), so confirm asks as a plain question where it shows a screen, and elicit throws when a view is pending.
   */
  show(view: ScreenView): this {
    this.view = view;
    return this;
  }

  /** The response builder, with the pending view's RenderDocument when the device can show it. */
  private screen(builder: ResponseBuilder): ResponseBuilder {
    const view = this.viewShown();
    return view === undefined ? builder : builder.addDirective(screens().renderDocument(view, this.speech));
  }

  /** The pending view, when this device can show it (its request says it supports APL, at the document's version). */
  private viewShown(): ScreenView | undefined {
    const runtime = this.view === undefined ? undefined : aplRuntimeOf(this.input);
    if (this.view === undefined || runtime === undefined) return undefined;
    return screens().runtimeRenders(runtime.maxVersion) ? this.view : undefined;
  }

  /** Alexa refuses a RenderDocument beside a Dialog directive: a view pending there is a handler's mistake. */
  private noScreenBeside(directive: string): void {
    if (this.view !== undefined) throw new Error(`A screen (${this.view.kind}) cannot go with ${directive}: Alexa refuses other directives beside a Dialog directive`);
  }

  /** Says something and ends the session; leaves a card when the answer is about a target or `options.card` asks. */
  say(speech: Ssml, options: AnswerOptions = {}): Response {
    this.card(speech, options);
    return this.screen(this.input.responseBuilder).speak(toSpeech(speech)).withShouldEndSession(true).getResponse();
  }

  /** Says something, leaves a card in the Alexa app, and ends the session. */
  sayWithCard(speech: Ssml, card: { readonly title: string; readonly text: string }): Response {
    return this.screen(this.input.responseBuilder).speak(toSpeech(speech)).withSimpleCard(card.title, card.text).withShouldEndSession(true).getResponse();
  }

  /** Says something and waits for an answer. */
  ask(speech: Ssml, reprompt: Ssml): Response {
    return this.screen(this.input.responseBuilder).speak(toSpeech(speech)).reprompt(toSpeech(reprompt)).getResponse();
  }

  /**
   * Says something, then hands the conversation to Alexa for a skill connection (Alexa offering a routine). No
   * reprompt and no end of session: Alexa talks to the person, then resumes this session with a SessionResumedRequest.
   */
  connect(speech: Ssml, directive: interfaces.connections.V1.StartConnectionDirective, options: AnswerOptions = {}): Response {
    this.card(speech, options);
    return this.input.responseBuilder.speak(toSpeech(speech)).addDirective(directive).getResponse();
  }

  /**
   * Asks for a yes to this intent, its slots set to `values`; Alexa turns the answer into its confirmationStatus. A
   * read-back leaves a card with what it would do in full (`options.card`).
   *
   * Where a screen shows the read-back (a view is pending and the device renders it), the question is a plain one:
   * speech, reprompt, card and the screen, no Dialog directive, because Alexa refuses any other directive beside one.
   * The intent the ConfirmIntent would have carried is kept in the session for the next turn alone, and the yes or
   * no, which then arrives as AMAZON.YesIntent or AMAZON.NoIntent, is turned back into it (screen-answer.handler.ts).
   * Everywhere else, and without a view, it is Dialog.ConfirmIntent, the view (if any) left unshown.
   */
  confirm(values: Readonly<Record<string, string | undefined>>, speech: Ssml, reprompt: Ssml, options: AnswerOptions = {}): Response {
    this.card(speech, options);
    const asked = this.intentWith(values, 'NONE');
    if (this.viewShown() !== undefined) {
      rememberScreenQuestion(this.input, asked);
      return this.screen(this.input.responseBuilder).speak(toSpeech(speech)).reprompt(toSpeech(reprompt)).withShouldEndSession(false).getResponse();
    }
    return this.input.responseBuilder.speak(toSpeech(speech)).reprompt(toSpeech(reprompt))
      .addConfirmIntentDirective(asked)
      .getResponse();
  }

  /**
   * The one way to ask for a slot: Dialog.ElicitSlot for `slot`, with the intent's other slots set to `values`.
   * `slot` must be one the interaction model gives this intent, or Alexa would reject the response.
   */
  elicit(slot: string, values: Readonly<Record<string, string | undefined>>, speech: Ssml, reprompt: Ssml = speech): Response {
    if (!this.slotNames.includes(slot)) throw new Error(`${this.intent.name} has no slot "${slot}" to ask for`);
    this.noScreenBeside('Dialog.ElicitSlot');
    return this.input.responseBuilder.speak(toSpeech(speech)).reprompt(toSpeech(reprompt))
      .addElicitSlotDirective(slot, this.intentWith({ ...values, [slot]: undefined }, this.confirmation === 'CONFIRMED' ? 'CONFIRMED' : 'NONE'))
      .getResponse();
  }

  /**
   * Puts the card on the response being built: what was said, then the facts. Every answer about a target has one;
   * questions mid-dialog (elicit) and answers about nothing in particular (launch, help) have none.
   */
  private card(speech: Ssml, options: AnswerOptions): void {
    if (this.where === undefined && options.card === undefined && options.environment === undefined) return;
    const card = buildCard(this.speech.cardWords(), speech, {
      ...(this.where ? { where: this.where } : {}),
      ...(options.environment !== undefined ? { environment: options.environment } : {}),
      askedBy: this.deps.policy.nameOf(this.principal),
      at: this.deps.now(),
    }, options.card ?? []);
    this.input.responseBuilder.withSimpleCard(card.title, card.text);
  }

  /**
   * The intent a Dialog directive sends back: this intent's name with exactly the slots its interaction model
   * defines. A slot named in `values` is set to that value (or emptied); the others keep what the request carried,
   * within a sane size; secret slots are always emptied.
   */
  private intentWith(values: Readonly<Record<string, string | undefined>>, confirmation: 'NONE' | 'CONFIRMED'): Intent {
    const current = this.intent.slots ?? {};
    const slots: NonNullable<Intent['slots']> = {};
    for (const name of this.slotNames) {
      const empty = { name, confirmationStatus: 'NONE' as const };
      if (SECRET_SLOTS.has(name)) {
        slots[name] = empty;
      } else if (Object.hasOwn(values, name)) {
        const value = values[name];
        slots[name] = value === undefined || value.length > MAX_SLOT_JSON_LENGTH ? empty : { ...empty, value };
      } else {
        const slot = current[name];
        slots[name] = isRecord(slot) && JSON.stringify(slot).length <= MAX_SLOT_JSON_LENGTH ? { ...slot, name } : empty;
      }
    }
    return { name: this.intent.name, confirmationStatus: confirmation, slots };
  }

  /** One structured line per decision about production, allowed or refused: who asked, what, where, how it ended. */
  audit(action: AuditAction, outcome: string, fields: Record<string, unknown> = {}): void {
    const target = this.where;
    this.deps.logger.log(outcome === 'unknown' ? 'warn' : 'info', `audit.${action}`, {
      userId: this.principal.userId,
      personId: this.principal.personId,
      outcome,
      ...(target ? {
        service: target.service,
        environment: target.environment,
        pipeline: target.pipeline?.name,
        deploymentGroup: target.deploymentGroup && `${target.deploymentGroup.application}/${target.deploymentGroup.deploymentGroup}`,
      } : {}),
      ...fields,
    });
  }
}

function progressTargetOf(input: HandlerInput): ProgressTarget | undefined {
  const type = requestType(input);
  if (type !== 'LaunchRequest' && type !== 'IntentRequest') return undefined;
  const system = (input.requestEnvelope.context as { System?: { apiEndpoint?: unknown; apiAccessToken?: unknown } } | undefined)?.System;
  const requestId = input.requestEnvelope.request.requestId as unknown;
  if (typeof system?.apiEndpoint !== 'string' || typeof system.apiAccessToken !== 'string' || typeof requestId !== 'string') return undefined;
  if (system.apiAccessToken === '' || requestId === '') return undefined;
  return { apiEndpoint: system.apiEndpoint, apiAccessToken: system.apiAccessToken, requestId };
}

/** What an answer may carry besides its words. */
export interface AnswerOptions {
  /**
   * The facts for the card in the Alexa app (ids, console links, who and when). An answer about a target (once
   * `turn.where` is set) always leaves a card; `card` adds facts to it, or asks for one where there is no target.
   */
  readonly card?: readonly CardFact[];
  /** What the card is about when it is an environment rather than a service in it (a lock). */
  readonly environment?: string;
}

const KEY = 'pushToProdTurn';

export function setTurn(input: HandlerInput, turn: Turn): void {
  input.attributesManager.getRequestAttributes()[KEY] = turn;
}

/** The turn the request interceptor built; undefined only if it did not run (the error handler copes). */
export function findTurn(input: HandlerInput): Turn | undefined {
  return input.attributesManager.getRequestAttributes()[KEY] as Turn | undefined;
}

export function turnOf(input: HandlerInput): Turn {
  const turn = findTurn(input);
  if (!turn) throw new Error('The request context interceptor did not run');
  return turn;
}
