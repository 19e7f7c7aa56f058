import type { HandlerInput } from 'ask-sdk-core';
import type { Intent } from 'ask-sdk-model';
import { isConsentAction, type ReadBack } from '../domain/consent';
import { hasSession, isRecord, sessionAttributes } from './request-shape';

/**
 * What the skill keeps in Alexa's session between turns: the read-back a yes may act on, a freeze override, the
 * alarm and bake-time overrides an admin gave, and, for one turn, the question a screen's read-back asked.
 * Session attributes come back from the device, so they are read defensively and only what the skill wrote is kept.
 */

const READ_BACK = 'pending';
/** Set when an admin overrode a freeze for one service and environment in this session ("service|environment"). */
const FREEZE_OVERRIDE = 'freezeOverride';
/** Set by a read-back when the person is still due the shortcut offer that follows a first release. */
const SHORTCUT_DUE = 'shortcutDue';
/** Alarm and bake-time overrides an admin gave in this session ("alarm|service|environment|alarms", "bake|…"). */
const GATE_OVERRIDES = 'gateOverrides';
/**
 * Set by a read-back asked as a plain question on a screen (no Dialog directive may go beside a screen): the intent a
 * Dialog.ConfirmIntent would have carried, for the yes or no of the very next turn. It lives one turn only.
 */
const SCREEN_QUESTION = 'screenQuestion';
/** Slots whose values are never kept: the spoken release code is read from the request, once. */
const SECRET_SLOTS: ReadonlySet<string> = new Set(['pin']);
/** No real slot (value and resolutions) comes near this; a larger one was not written by the skill. */
const MAX_SLOT_JSON_LENGTH = 2000;
/** More than one session's deploys could need: anything longer was not written by the skill. */
const MAX_GATE_OVERRIDES = 8;
/** Longer than any service, environment or plan key the skill writes: anything longer was not written by it. */
const MAX_FIELD_LENGTH = 200;

export function readBackOf(input: HandlerInput): ReadBack | undefined {
  const value = sessionAttributes(input)[READ_BACK];
  if (!isRecord(value)) return undefined;
  const { action, service, environment, key, needsSecondYes, firstYesGiven } = value;
  if (!isConsentAction(action) || !isShortText(service) || !isShortText(environment) || !isShortText(key)) {
    return undefined;
  }
  return { action, service, environment, key, ...(needsSecondYes === true ? { needsSecondYes } : {}), ...(firstYesGiven === true ? { firstYesGiven } : {}) };
}

export function rememberReadBack(input: HandlerInput, readBack: ReadBack): void {
  // A request without a session (one-shot, or a forged one) has nowhere to keep it; ask-sdk-core would throw.
  if (!hasSession(input)) return;
  input.attributesManager.setSessionAttributes({ ...sessionAttributes(input), [READ_BACK]: readBack });
}

export function forgetReadBack(input: HandlerInput): void {
  if (!hasSession(input)) return;
  const rest = { ...sessionAttributes(input) };
  delete rest[READ_BACK];
  input.attributesManager.setSessionAttributes(rest);
}

/**
 * The intent a screen's read-back asked about: a name and its slots, as `Turn.confirm` kept them. `slotsOf` says which
 * intents may be asked about this way (those of the intent table with a consent action) and with which model slots.
 */
export type SlotsOfConfirmable = (intent: string) => readonly string[] | undefined;

export function rememberScreenQuestion(input: HandlerInput, intent: Intent): void {
  if (!hasSession(input)) return;
  input.attributesManager.setSessionAttributes({ ...sessionAttributes(input), [SCREEN_QUESTION]: intent });
}

/**
 * The screen question the session carries, validated as defensively as the read-back: an intent `slotsOf` knows, its
 * confirmation NONE, only its model slots (each keyed by its own name, of a sane size), a secret slot always empty.
 * Anything else is no question at all (fail closed: a yes then has nothing to confirm).
 */
export function screenQuestionOf(input: HandlerInput, slotsOf: SlotsOfConfirmable): Intent | undefined {
  const value = sessionAttributes(input)[SCREEN_QUESTION];
  if (!isRecord(value) || !isShortText(value.name) || value.confirmationStatus !== 'NONE') return undefined;
  const modelSlots = slotsOf(value.name);
  if (modelSlots === undefined) return undefined;
  const stored = value.slots ?? {};
  if (!isRecord(stored) || Object.keys(stored).some((key) => !modelSlots.includes(key))) return undefined;
  const slots: NonNullable<Intent['slots']> = {};
  for (const name of modelSlots) {
    const slot = stored[name];
    const empty = { name, confirmationStatus: 'NONE' as const };
    if (slot === undefined || SECRET_SLOTS.has(name)) {
      slots[name] = empty;
      continue;
    }
    if (!isRecord(slot) || slot.name !== name || JSON.stringify(slot).length > MAX_SLOT_JSON_LENGTH) return undefined;
    slots[name] = { ...(slot as unknown as NonNullable<Intent['slots']>[string]), name };
  }
  return { name: value.name, confirmationStatus: 'NONE', slots };
}

export function shortcutDueOf(input: HandlerInput): boolean {
  return sessionAttributes(input)[SHORTCUT_DUE] === true;
}

export function rememberShortcutDue(input: HandlerInput, due: boolean): void {
  if (!hasSession(input)) return;
  const rest = { ...sessionAttributes(input) };
  if (due) rest[SHORTCUT_DUE] = true;
  else delete rest[SHORTCUT_DUE];
  input.attributesManager.setSessionAttributes(rest);
}

export function freezeOverrideOf(input: HandlerInput): string | undefined {
  const value = sessionAttributes(input)[FREEZE_OVERRIDE];
  return isShortText(value) ? value : undefined;
}

export function rememberFreezeOverride(input: HandlerInput, marker: string): void {
  if (!hasSession(input)) return;
  input.attributesManager.setSessionAttributes({ ...sessionAttributes(input), [FREEZE_OVERRIDE]: marker });
}

export function gateOverridesOf(input: HandlerInput): readonly string[] {
  const value = sessionAttributes(input)[GATE_OVERRIDES];
  if (!Array.isArray(value) || value.length > MAX_GATE_OVERRIDES) return [];
  return value.every(isShortText) ? value : [];
}

export function rememberGateOverride(input: HandlerInput, marker: string): void {
  if (!hasSession(input)) return;
  const kept = gateOverridesOf(input).filter((m) => m !== marker).slice(-(MAX_GATE_OVERRIDES - 1));
  input.attributesManager.setSessionAttributes({ ...sessionAttributes(input), [GATE_OVERRIDES]: [...kept, marker] });
}

/**
 * Keeps in the session only what this skill put there, and nothing at all at the start of a session: Alexa starts a
 * session with no attributes, so any a new session carries were not written by this skill and must not count as a
 * read-back. ask-sdk-core echoes session attributes back in every response, so anything else a request carries
 * (oversized or forged) would come back too, and could push the response past Alexa's 24 KB.
 *
 * The screen question is taken out, whatever the request: it is returned (validated) for this turn's yes or no alone,
 * and never written back, so a yes after any other turn in between has nothing to confirm.
 */
export function keepOnlyOwnAttributes(input: HandlerInput, slotsOf: SlotsOfConfirmable): Intent | undefined {
  if (!hasSession(input)) return undefined;
  if (input.requestEnvelope.session?.new === true) {
    input.attributesManager.setSessionAttributes({});
    return undefined;
  }
  const screenQuestion = screenQuestionOf(input, slotsOf);
  const readBack = readBackOf(input);
  const override = freezeOverrideOf(input);
  const gateOverrides = gateOverridesOf(input);
  input.attributesManager.setSessionAttributes({
    ...(readBack === undefined ? {} : { [READ_BACK]: readBack }),
    ...(override === undefined ? {} : { [FREEZE_OVERRIDE]: override }),
    ...(gateOverrides.length === 0 ? {} : { [GATE_OVERRIDES]: gateOverrides }),
    ...(shortcutDueOf(input) ? { [SHORTCUT_DUE]: true } : {}),
  });
  return screenQuestion;
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_FIELD_LENGTH;
}
