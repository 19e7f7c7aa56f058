import { createHash } from 'node:crypto';
import type { Intent, Slot, slu } from 'ask-sdk-model';
import { findIntent, findSlotType, type InteractionModel, type SlotTypeDefinition } from './model';
import { spokenDuration } from './durations';
import { spokenNumber } from './numbers';
import { normalise } from './text';

const NUMERIC_TYPES = new Set(['AMAZON.NUMBER', 'AMAZON.FOUR_DIGIT_NUMBER']);
const DURATION_TYPE = 'AMAZON.DURATION';

/** What Alexa sends for a number or a duration it could not make out. */
const UNRECOGNISED_NUMBER = '?';

/** A slot nobody has filled yet: present, with only its name and status, as in real requests. */
export function emptySlot(name: string): Slot {
  return { name, confirmationStatus: 'NONE' };
}

/**
 * A slot filled with what the user said, shaped as Alexa sends it. Custom types (and built-in types the model
 * extends) carry entity resolution against the type's values and synonyms; the spoken words stay in `value` even
 * when nothing matches, because Alexa does not restrict custom types to their values. Numbers become digits,
 * durations ISO-8601 ("fourteen days" → "P14D"), heard in the locale's language ("vierzehn Tage" → "P14D").
 */
export function filledSlot(model: InteractionModel, skillId: string, name: string, type: string, spoken: string, locale = 'en-US'): Slot {
  const value = NUMERIC_TYPES.has(type) ? (spokenNumber(spoken, locale) ?? UNRECOGNISED_NUMBER)
    : type === DURATION_TYPE ? (spokenDuration(spoken, locale) ?? UNRECOGNISED_NUMBER)
      : normalise(spoken);
  const slotType = findSlotType(model, type);
  const resolutions = slotType ? resolve(skillId, slotType, value) : undefined;
  return {
    name,
    value,
    ...(resolutions ? { resolutions } : {}),
    confirmationStatus: 'NONE',
    slotValue: { type: 'Simple', value, ...(resolutions ? { resolutions } : {}) },
  };
}

/**
 * Whether `spoken` is something the type knows: a value or synonym of a custom type, a number (a duration) in the
 * locale's language for numeric (duration) types.
 */
export function isKnownValue(model: InteractionModel, type: string, spoken: string, locale = 'en-US'): boolean {
  if (NUMERIC_TYPES.has(type)) return spokenNumber(spoken, locale) !== undefined;
  if (type === DURATION_TYPE) return spokenDuration(spoken, locale) !== undefined;
  const slotType = findSlotType(model, type);
  return slotType !== undefined && matchingValues(slotType, normalise(spoken)).length > 0;
}

/**
 * The intent as Alexa sends it: every slot the language model declares is present, filled from `values`
 * (slot name → spoken words, in the locale's language) or empty.
 */
export function buildIntent(model: InteractionModel, skillId: string, name: string, values: Readonly<Record<string, string>>, locale = 'en-US'): Intent {
  const slots: Record<string, Slot> = {};
  for (const slot of findIntent(model, name)?.slots ?? []) {
    const spoken = values[slot.name];
    slots[slot.name] = spoken === undefined ? emptySlot(slot.name) : filledSlot(model, skillId, slot.name, slot.type, spoken, locale);
  }
  return { name, confirmationStatus: 'NONE', slots };
}

/**
 * An intent a skill sent back in a directive, completed so every declared slot is present: skills often send only
 * the slots they touched.
 */
export function completeIntent(model: InteractionModel, intent: Intent): Intent {
  const slots: Record<string, Slot> = {};
  for (const slot of findIntent(model, intent.name)?.slots ?? []) {
    slots[slot.name] = intent.slots?.[slot.name] ?? emptySlot(slot.name);
  }
  return { ...intent, slots: { ...slots, ...intent.slots } };
}

/** Slot name → value, for the slots that have one. */
export function slotValues(intent: Intent): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, slot] of Object.entries(intent.slots ?? {})) {
    if (slot.value !== undefined) values[name] = slot.value;
  }
  return values;
}

function resolve(skillId: string, type: SlotTypeDefinition, value: string): slu.entityresolution.Resolutions {
  const authority = `amzn1.er-authority.echo-sdk.${skillId}.${type.name}`;
  const matches = matchingValues(type, value);
  if (matches.length === 0) {
    // Real no-match resolutions have no `values` at all; ask-sdk-model types it as required, hence the cast.
    return { resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_NO_MATCH' } } as slu.entityresolution.Resolution] };
  }
  return {
    resolutionsPerAuthority: [
      {
        authority,
        status: { code: 'ER_SUCCESS_MATCH' },
        values: matches.map((match) => ({ value: { name: match.name.value, id: match.id ?? md5(match.name.value) } })),
      },
    ],
  };
}

/** Values whose name matches first, then those matching by synonym, as Alexa orders them. */
function matchingValues(type: SlotTypeDefinition, value: string): NonNullable<SlotTypeDefinition['values']> {
  const values = type.values ?? [];
  const byName = values.filter((v) => normalise(v.name.value) === value);
  const bySynonym = values.filter((v) => !byName.includes(v) && (v.name.synonyms ?? []).some((s) => normalise(s) === value));
  return [...byName, ...bySynonym];
}

/** Alexa invents an id for values declared without one; an md5 of the name looks like the ones it sends. */
function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
