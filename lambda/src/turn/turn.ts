import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import type { Config } from '../config/schema';
import type { Principal } from '../domain/access';
import type { Catalog, SpokenValue } from '../domain/catalog';
import type { ReadBack } from '../domain/consent';
import type { Target } from '../domain/release';
import type { ReleasePolicy } from '../domain/release-policy';
import type { ReleaseService } from '../domain/release-service';
import type { Logger } from '../logging/logger';
import type { Messages } from '../speech';
import { toSpeech, type Ssml } from '../speech/ssml';
import { confirmationStatus, intentOf, isRecord, spokenSlot } from './request-shape';
import {
  forgetReadBack, freezeOverrideOf, gateOverridesOf, readBackOf, rememberFreezeOverride, rememberGateOverride, rememberReadBack,
} from './session';

/** What every turn may use, built once by the composition root. */
export interface SkillDeps {
  readonly config: Config;
  readonly catalog: Catalog;
  readonly releases: ReleaseService;
  readonly policy: ReleasePolicy;
  readonly logger: Logger;
  readonly now: () => Date;
}

export type AuditAction = 'deploy' | 'rollback' | 'status' | 'access' | 'lock' | 'preview';

/** Slots whose values a directive never echoes: the spoken release code is read from the request, once. */
const SECRET_SLOTS: ReadonlySet<string> = new Set(['pin']);
/** No real slot (value and resolutions) comes near this; a larger one is treated as not heard rather than echoed. */
const MAX_SLOT_JSON_LENGTH = 2000;

/**
 * One request, as the handlers see it: who is asking and whether they are allowed, the words for their locale, the
 * request's intent and the slots the interaction model gives it, what the session holds, and the one way each kind
 * of answer is built. Handlers receive a Turn and return a Response; they never reach into the envelope themselves.
 */
export class Turn {
  /** Set once the handler knows which service and environment the request is about, for audit lines and errors. */
  where?: Target;
  private slotNames: readonly string[] = [];

  constructor(
    readonly input: HandlerInput,
    readonly deps: SkillDeps,
    readonly speech: Messages,
    readonly principal: Principal,
    readonly allowed: boolean,
  ) {}

  /** This turn, answering an intent whose interaction model defines `slots`. */
  forIntent(slots: readonly string[]): this {
    this.slotNames = slots;
    return this;
  }

  get requestId(): string {
    return this.input.requestEnvelope.request.requestId;
  }

  /** The request's intent; only for intent requests. */
  get intent(): Intent {
    return intentOf(this.input);
  }

  get confirmation(): 'NONE' | 'CONFIRMED' | 'DENIED' {
    return confirmationStatus(this.intent);
  }

  /** What was heard for a slot of this intent. */
  slot(name: string): SpokenValue {
    return spokenSlot(this.intent, name);
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

  /** Says something and ends the session. */
  say(speech: Ssml): Response {
    return this.input.responseBuilder.speak(toSpeech(speech)).withShouldEndSession(true).getResponse();
  }

  /** Says something, leaves a card in the Alexa app, and ends the session. */
  sayWithCard(speech: Ssml, card: { readonly title: string; readonly text: string }): Response {
    return this.input.responseBuilder.speak(toSpeech(speech)).withSimpleCard(card.title, card.text).withShouldEndSession(true).getResponse();
  }

  /** Says something and waits for an answer. */
  ask(speech: Ssml, reprompt: Ssml): Response {
    return this.input.responseBuilder.speak(toSpeech(speech)).reprompt(toSpeech(reprompt)).getResponse();
  }

  /** Asks for a yes to this intent, its slots set to `values`; Alexa turns the answer into its confirmationStatus. */
  confirm(values: Readonly<Record<string, string | undefined>>, speech: Ssml, reprompt: Ssml): Response {
    return this.input.responseBuilder.speak(toSpeech(speech)).reprompt(toSpeech(reprompt))
      .addConfirmIntentDirective(this.intentWith(values, 'NONE'))
      .getResponse();
  }

  /**
   * The one way to ask for a slot: Dialog.ElicitSlot for `slot`, with the intent's other slots set to `values`.
   * `slot` must be one the interaction model gives this intent, or Alexa would reject the response.
   */
  elicit(slot: string, values: Readonly<Record<string, string | undefined>>, speech: Ssml, reprompt: Ssml = speech): Response {
    if (!this.slotNames.includes(slot)) throw new Error(`${this.intent.name} has no slot "${slot}" to ask for`);
    return this.input.responseBuilder.speak(toSpeech(speech)).reprompt(toSpeech(reprompt))
      .addElicitSlotDirective(slot, this.intentWith({ ...values, [slot]: undefined }, this.confirmation === 'CONFIRMED' ? 'CONFIRMED' : 'NONE'))
      .getResponse();
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
