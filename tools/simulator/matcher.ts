import { ALWAYS_PRESENT_INTENTS, builtInPhrasings, FALLBACK_INTENT, HELP_INTENT, languageOf } from './builtins';
import { slotTypeOf, type InteractionModel } from './model';
import { isKnownValue } from './slots';
import { normalise, words } from './text';

type Part = { literal: string } | { slot: string };

/** One sample, compiled: literal words and slot wildcards (each slot takes one word or more). */
export interface Pattern {
  readonly intent: string;
  readonly parts: readonly Part[];
  /** Position in the model, so equal matches resolve the same way every time. */
  readonly order: number;
}

/** What an utterance resolved to: the intent and the words each slot took. */
export interface Match {
  readonly intent: string;
  readonly slots: Readonly<Record<string, string>>;
  /** Words matched by literal words of the sample: the higher, the more specific the sample. */
  readonly literalWords: number;
  readonly slotWords: number;
  /** Slots whose words are a value the slot type knows; breaks ties between ways of splitting. */
  readonly knownValues: number;
  readonly order: number;
}

/** Compiles one sample text into a pattern. */
export function compilePattern(intent: string, sample: string, order: number): Pattern {
  const parts: Part[] = [];
  // Braces are split off first so that normalising the literal text cannot eat them.
  for (const piece of sample.split(/(\{[^{}]+\})/)) {
    const slot = /^\{([^{}]+)\}$/.exec(piece)?.[1];
    if (slot !== undefined) parts.push({ slot });
    else for (const word of words(piece)) parts.push({ literal: word });
  }
  return { intent, parts, order };
}

/**
 * Utterance → intent and slots, from the model's samples plus the built-in phrasings. The most specific sample wins:
 * most literal words matched, then fewest words taken by slots, then most slot values the types know, then the
 * sample that comes first in the model.
 */
export class UtteranceMatcher {
  private readonly patterns: readonly Pattern[];
  private readonly declared: ReadonlySet<string>;

  private readonly carriers: Carriers;

  /**
   * `locale` decides the language of the built-in phrasings, of the words people wrap a request in, and of the numbers
   * and durations that count as known slot values.
   */
  constructor(private readonly model: InteractionModel, private readonly locale = 'en-US') {
    this.carriers = CARRIERS[languageOf(locale)] ?? ENGLISH_CARRIERS;
    this.declared = new Set(model.languageModel.intents.map((intent) => intent.name));
    const patterns: Pattern[] = [];
    for (const intent of model.languageModel.intents) {
      for (const sample of intent.samples ?? []) patterns.push(compilePattern(intent.name, sample, patterns.length));
    }
    for (const [intent, phrasings] of Object.entries(builtInPhrasings(locale))) {
      if (!this.declared.has(intent) && !ALWAYS_PRESENT_INTENTS.includes(intent)) continue;
      for (const phrasing of phrasings) patterns.push(compilePattern(intent, phrasing, patterns.length));
    }
    this.patterns = patterns;
  }

  /**
   * The best match among all intents' patterns, or undefined when no sample fits. When nothing fits as said, the
   * words people wrap a request in ("could you please … now") are set aside and the rest is tried, as Alexa's NLU
   * sees through them.
   */
  match(utterance: string): Match | undefined {
    const exact = this.best(this.patterns, utterance);
    if (exact) return exact;
    const core = withoutCarrierPhrases(normalise(utterance), this.carriers);
    return core !== '' && core !== normalise(utterance) ? this.best(this.patterns, core) : undefined;
  }

  /** The best match among `patterns` (for example one intent's samples while a slot is elicited). */
  matchAgainst(patterns: readonly Pattern[], utterance: string): Match | undefined {
    return this.best(patterns, utterance);
  }

  /** Patterns of one intent: its samples, built-in phrasings, and any extra samples (slot samples) given. */
  patternsOf(intent: string, extraSamples: readonly string[] = []): Pattern[] {
    const own = this.patterns.filter((pattern) => pattern.intent === intent);
    return [...own, ...extraSamples.map((sample, i) => compilePattern(intent, sample, this.patterns.length + i))];
  }

  /**
   * Where an utterance no sample fits goes. AMAZON.FallbackIntent when the model declares it. Without it Alexa still
   * picks an intent; the simulator takes the one whose samples share the most words with the utterance, and
   * AMAZON.HelpIntent when nothing is shared, so gibberish never reaches an intent that acts.
   */
  unmatched(utterance: string): string {
    if (this.declared.has(FALLBACK_INTENT)) return FALLBACK_INTENT;
    const said = new Set(words(utterance));
    let best: { intent: string; shared: number } | undefined;
    for (const pattern of this.patterns) {
      const shared = new Set(pattern.parts.flatMap((p) => ('literal' in p && said.has(p.literal) ? [p.literal] : []))).size;
      if (shared > 0 && (!best || shared > best.shared)) best = { intent: pattern.intent, shared };
    }
    return best?.intent ?? HELP_INTENT;
  }

  private best(patterns: readonly Pattern[], utterance: string): Match | undefined {
    const said = words(normalise(utterance));
    let best: Match | undefined;
    for (const pattern of patterns) {
      for (const slots of assignments(pattern.parts, said)) {
        const candidate = this.score(pattern, slots);
        if (!best || better(candidate, best)) best = candidate;
      }
    }
    return best;
  }

  private score(pattern: Pattern, slots: Record<string, string>): Match {
    const literalWords = pattern.parts.filter((p) => 'literal' in p).length;
    const slotWords = Object.values(slots).reduce((n, value) => n + value.split(' ').length, 0);
    const knownValues = Object.entries(slots).filter(([name, value]) => {
      const type = slotTypeOf(this.model, pattern.intent, name);
      return type !== undefined && isKnownValue(this.model, type, value, this.locale);
    }).length;
    return { intent: pattern.intent, slots, literalWords, slotWords, knownValues, order: pattern.order };
  }
}

/**
 * Whether any of `patterns` fits these words (normalised and split) at all: the first way they fit, without scoring
 * every way as matchAgainst does to choose the best. For questions that only need a yes, such as whether two intents'
 * samples overlap, where one phrase meets many intents and normalising it once matters.
 */
export function fitsWords(patterns: readonly Pattern[], said: readonly string[]): boolean {
  return patterns.some((pattern) => fitsFrom(pattern.parts, said, 0, 0));
}

/** Whether the words from `w` on fit the parts from `p` on: assignments, stopping at the first way, building nothing. */
function fitsFrom(parts: readonly Part[], said: readonly string[], p: number, w: number): boolean {
  const part = parts[p];
  if (part === undefined) return w === said.length;
  if ('literal' in part) return said[w] === part.literal && fitsFrom(parts, said, p + 1, w + 1);
  // Every part still to come takes a word at least.
  const last = said.length - (parts.length - p - 1);
  for (let end = w + 1; end <= last; end++) if (fitsFrom(parts, said, p + 1, end)) return true;
  return false;
}

function better(a: Match, b: Match): boolean {
  if (a.literalWords !== b.literalWords) return a.literalWords > b.literalWords;
  if (a.slotWords !== b.slotWords) return a.slotWords < b.slotWords;
  if (a.knownValues !== b.knownValues) return a.knownValues > b.knownValues;
  return a.order < b.order;
}

/** Every way the words fit the parts, each slot taking one word or more. */
function* assignments(parts: readonly Part[], said: readonly string[], p = 0, w = 0, slots: Record<string, string> = {}): Generator<Record<string, string>> {
  const part = parts[p];
  if (part === undefined) {
    if (w === said.length) yield { ...slots };
    return;
  }
  if ('literal' in part) {
    if (said[w] === part.literal) yield* assignments(parts, said, p + 1, w + 1, slots);
    return;
  }
  // Leave at least one word for every slot still to come.
  const laterSlots = parts.slice(p + 1).filter((q) => 'slot' in q).length;
  for (let end = w + 1; end <= said.length - laterSlots; end++) {
    yield* assignments(parts, said, p + 1, end, { ...slots, [part.slot]: said.slice(w, end).join(' ') });
  }
}

/** The words people wrap a request in, before and after it, in one language. */
interface Carriers {
  readonly leading: readonly string[];
  readonly trailing: readonly string[];
}

const ENGLISH_CARRIERS: Carriers = {
  leading: [
    'please', 'could you', 'can you', 'would you', 'will you', 'i would like to', "i'd like to", 'i want to', 'i need to',
    'go ahead and', "let's", 'lets', 'just', 'hey', 'ok', 'okay', 'so', 'now',
  ],
  trailing: ['please', 'now', 'right now', 'for me', 'thanks', 'thank you'],
};

const CARRIERS: Readonly<Record<string, Carriers>> = {
  en: ENGLISH_CARRIERS,
  de: {
    leading: ['bitte', 'kannst du', 'könntest du', 'würdest du', 'ich möchte', 'ich will', 'ich würde gern', 'ich würde gerne', 'hey', 'ok', 'okay', 'also', 'jetzt', 'mal', 'einfach'],
    trailing: ['bitte', 'jetzt', 'sofort', 'gleich', 'mal', 'für mich', 'danke'],
  },
  fr: {
    leading: ["s'il te plaît", "s'il vous plaît", 'peux tu', 'pourrais tu', 'tu peux', 'je voudrais', 'je veux', "j'aimerais", 'hé', 'ok', 'okay', 'alors', 'maintenant', 'juste'],
    trailing: ["s'il te plaît", "s'il vous plaît", 'maintenant', 'tout de suite', 'pour moi', 'merci'],
  },
};

/**
 * The utterance without politeness and filler at either end: "could you please push to prod now" → "push to prod",
 * "bitte schiebe checkout in die produktion jetzt" → "schiebe checkout in die produktion".
 */
export function withoutCarrierPhrases(utterance: string, carriers: Carriers = ENGLISH_CARRIERS): string {
  let rest = utterance.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const carrier of carriers.leading) {
      if (rest.startsWith(`${carrier} `)) {
        rest = rest.slice(carrier.length + 1).trim();
        changed = true;
      }
    }
    for (const carrier of carriers.trailing) {
      if (rest.endsWith(` ${carrier}`)) {
        rest = rest.slice(0, -(carrier.length + 1)).trim();
        changed = true;
      }
    }
  }
  return rest;
}
