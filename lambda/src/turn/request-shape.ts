import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, IntentRequest, Slot } from 'ask-sdk-model';
import type { SpokenValue } from '../domain/catalog';
import { languageOf } from '../domain/spoken';

/**
 * Safe readers for the parts of a request the handlers use. Requests come from many devices and consoles, some
 * with fields missing or of odd types, so nothing here trusts the ask-sdk-model types blindly.
 */

export function requestType(input: HandlerInput): string {
  const type = (input.requestEnvelope.request as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : '';
}

export function intentName(input: HandlerInput): string | undefined {
  if (requestType(input) !== 'IntentRequest') return undefined;
  const name = (input.requestEnvelope.request as Partial<IntentRequest>).intent?.name;
  return typeof name === 'string' ? name : undefined;
}

/** A task a LaunchRequest carries (a routine, a Quick Link): its name, version and input, read defensively. */
export interface LaunchedTask {
  readonly name: string;
  readonly version: string;
  readonly input: Readonly<Record<string, unknown>>;
}

export function taskOf(input: HandlerInput): LaunchedTask | undefined {
  if (requestType(input) !== 'LaunchRequest') return undefined;
  const task = (input.requestEnvelope.request as { task?: unknown }).task;
  if (!isRecord(task) || typeof task.name !== 'string' || typeof task.version !== 'string') return undefined;
  return { name: task.name, version: task.version, input: isRecord(task.input) ? task.input : {} };
}

/** The skill id the request is addressed to (ask-sdk-core has already checked it against the configured one). */
export function applicationIdOf(input: HandlerInput): string | undefined {
  const envelope = input.requestEnvelope as unknown as { context?: { System?: { application?: { applicationId?: unknown } } }; session?: { application?: { applicationId?: unknown } } };
  const id = envelope.context?.System?.application?.applicationId ?? envelope.session?.application?.applicationId;
  return typeof id === 'string' ? id : undefined;
}

export function localeOf(input: HandlerInput): string | undefined {
  const locale = (input.requestEnvelope.request as { locale?: unknown }).locale;
  return typeof locale === 'string' ? locale : undefined;
}

/** How a skill connection the skill started came back: its token, status code and, for AMAZON.OfferAutomation, the reason. */
export interface ResumedConnection {
  readonly token?: string;
  readonly code?: string;
  readonly reason?: string;
}

export function resumedConnectionOf(input: HandlerInput): ResumedConnection | undefined {
  if (requestType(input) !== 'SessionResumedRequest') return undefined;
  const cause = (input.requestEnvelope.request as { cause?: unknown }).cause;
  if (!isRecord(cause)) return {};
  const status = isRecord(cause.status) ? cause.status : {};
  const result = isRecord(cause.result) ? cause.result : {};
  const offer = isRecord(result.offerAutomationResponse) ? result.offerAutomationResponse : {};
  return {
    ...(typeof cause.token === 'string' ? { token: cause.token } : {}),
    ...(typeof status.code === 'string' || typeof status.code === 'number' ? { code: String(status.code) } : {}),
    ...(typeof offer.reason === 'string' ? { reason: offer.reason } : {}),
  };
}

/** The request's intent; call only for an IntentRequest (or a Turn that chained into one). */
export function intentOf(input: HandlerInput): Intent {
  const intent = (input.requestEnvelope.request as IntentRequest).intent;
  return { ...intent, slots: isRecord(intent.slots) ? intent.slots : {} };
}

export function confirmationStatus(intent: Intent): 'NONE' | 'CONFIRMED' | 'DENIED' {
  const status = intent.confirmationStatus as unknown;
  return status === 'CONFIRMED' || status === 'DENIED' ? status : 'NONE';
}

/**
 * What was heard for a slot and the id entity resolution matched, from `resolutions` or the newer `slotValue`, and
 * the language of the request's `locale` when it is not English (the catalog's words for it).
 */
export function spokenSlot(intent: Intent, name: string, locale?: string): SpokenValue {
  const slot = intent.slots?.[name] as (Slot & { slotValue?: { value?: unknown; resolutions?: unknown } }) | undefined;
  if (!isRecord(slot)) return {};
  const heard = typeof slot.value === 'string' ? slot.value : typeof slot.slotValue?.value === 'string' ? slot.slotValue.value : undefined;
  const resolvedId = matchedId(slot.resolutions) ?? matchedId(slot.slotValue?.resolutions);
  const language = languageOf(locale);
  return { heard: heard?.trim() === '' ? undefined : heard, resolvedId, ...(language === 'en' ? {} : { language }) };
}

function matchedId(resolutions: unknown): string | undefined {
  const authorities = isRecord(resolutions) ? resolutions.resolutionsPerAuthority : undefined;
  if (!Array.isArray(authorities)) return undefined;
  for (const authority of authorities) {
    if (!isRecord(authority) || !isRecord(authority.status) || authority.status.code !== 'ER_SUCCESS_MATCH') continue;
    const first = Array.isArray(authority.values) ? authority.values[0] : undefined;
    const id = isRecord(first) && isRecord(first.value) ? first.value.id ?? first.value.name : undefined;
    if (typeof id === 'string' && id !== '') return id;
  }
  return undefined;
}

export function sessionAttributes(input: HandlerInput): Record<string, unknown> {
  try {
    const attributes = input.attributesManager.getSessionAttributes() as unknown;
    return isRecord(attributes) ? attributes : {};
  } catch {
    // Requests without a session (skill events, CanFulfill) have no session attributes.
    return {};
  }
}

export function hasSession(input: HandlerInput): boolean {
  return isRecord(input.requestEnvelope.session);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The device's APL runtime, when the request says the device supports APL (context.System.device.supportedInterfaces
 * ["Alexa.Presentation.APL"], which Alexa sends only to a skill that declares the interface): its maxVersion, if named.
 * Undefined for a device without a screen, or one whose screen the skill may not draw on.
 */
export function aplRuntimeOf(input: HandlerInput): { readonly maxVersion?: string } | undefined {
  const system = (input.requestEnvelope.context as { System?: { device?: { supportedInterfaces?: unknown } } } | undefined)?.System;
  const interfaces = system?.device?.supportedInterfaces;
  const apl = isRecord(interfaces) ? interfaces['Alexa.Presentation.APL'] : undefined;
  if (!isRecord(apl)) return undefined;
  const maxVersion = isRecord(apl.runtime) ? apl.runtime.maxVersion : undefined;
  return typeof maxVersion === 'string' ? { maxVersion } : {};
}
