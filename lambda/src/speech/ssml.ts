// The one module of ask-sdk-core this needs, not its index: the German and French tables are bundled in files of their
// own with this module, and through the index they would carry all of ask-sdk-core.
import { escapeXmlCharacters } from 'ask-sdk-core/dist/util/SsmlUtils';

/**
 * Marks Ssml by a registered symbol rather than by its class: the German and French tables are bundled in files of
 * their own (tools/build.ts), each with its own copy of this module, and their Ssml must still count as Ssml here.
 */
const SSML = Symbol.for('push-to-prod.ssml');

/** SSML that is already safe to send: literal markup from the locale tables, interpolations escaped. */
export class Ssml {
  constructor(readonly markup: string) {}
  /** On the prototype, not each instance: speech is built on every request. */
  get [SSML](): true {
    return true;
  }
  toString(): string {
    return this.markup;
  }
}

/** Whether a value is Ssml, from this copy of the module or another bundle's. */
export function isSsml(value: unknown): value is Ssml {
  return typeof value === 'object' && value !== null && (value as { [SSML]?: unknown })[SSML] === true;
}

/**
 * Tagged template for speech: the literal parts may hold SSML markup, every interpolated value is escaped unless
 * it is itself Ssml. So a service called "a & b" or "<break/>" is spoken, never parsed.
 */
export function ssml(strings: TemplateStringsArray, ...values: readonly unknown[]): Ssml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += (isSsml(value) ? value.markup : escapeXmlCharacters(String(value ?? ''))) + (strings[i + 1] ?? '');
  });
  return new Ssml(out);
}

/** Joins pieces of speech with a separator, escaping plain strings. */
export function joinSsml(parts: readonly (Ssml | string)[], separator = ' '): Ssml {
  return new Ssml(parts.map((p) => (isSsml(p) ? p.markup : escapeXmlCharacters(p))).join(separator));
}

/** "a, b or c", escaped. */
export function spokenList(items: readonly string[], conjunction: string): Ssml {
  if (items.length <= 1) return ssml`${items[0] ?? ''}`;
  const head = items.slice(0, -1).map((i) => escapeXmlCharacters(i)).join(', ');
  return new Ssml(`${head} ${conjunction} ${escapeXmlCharacters(items[items.length - 1] ?? '')}`);
}

/** Speech as the response builder wants it, shortened to Alexa's limit without cutting through a tag or an entity. */
export function toSpeech(speech: Ssml, limit = 7500): string {
  if (speech.markup.length <= limit) return speech.markup;
  const cut = speech.markup.slice(0, limit);
  const safe = cut.replace(/<[^>]*$/, '').replace(/&[^;\s]*$/, '');
  return safe;
}

