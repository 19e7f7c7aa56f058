import { languageOf } from './builtins';
import { startsWithWords, words } from './text';

/** What a user said to start a conversation with the skill. */
export type Invocation =
  | { readonly kind: 'launch' }
  /** "ask <name> to <utterance>" and friends: the skill gets an IntentRequest for `utterance`. */
  | { readonly kind: 'one-shot'; readonly utterance: string }
  /** The skill is not named: taken as a one-shot to this skill, the only one the simulator knows. */
  | { readonly kind: 'unnamed'; readonly utterance: string };

/*
 * Alexa's supported phrases for starting a skill, per language (Alexa Skills Kit documentation, "Understand How Users
 * Invoke Custom Skills", whose tables list English, German and French among others). The connecting words belong to
 * Alexa: the model's samples see only what follows them, so "ask release captain for the status of checkout" needs the
 * sample "the status of {service}", and "demande à capitaine de livraison de déployer checkout" the sample "déployer
 * {service}".
 */

/** A phrase that starts a request with an action: "<phrase> <name> <connecting word> <action>". */
interface StartPhrase {
  readonly words: readonly string[];
  /** Connecting words; one ending in an apostrophe ("d'") is glued to the next word ("d'annuler"). */
  readonly connectors: ReadonlySet<string>;
  /** Whether the action may follow the name without a connecting word ("ask release captain what's deployed"). */
  readonly bare: boolean;
}

interface InvocationWords {
  readonly start: readonly StartPhrase[];
  /** Phrases that open the skill with no request: "open release captain", and the name said alone. */
  readonly launch: readonly (readonly string[])[];
  /** "<action> <connecting word> <name>": "give me the status using release captain". */
  readonly trailing: ReadonlySet<string>;
  readonly suffixes: ReadonlySet<string>;
  /** People may put an article before the name ("from the release captain"); it is not part of it. */
  readonly articles: readonly string[];
}

const phrase = (words: readonly string[], connectors: readonly string[], bare: boolean): StartPhrase => ({ words, connectors: new Set(connectors), bare });

const ENGLISH: InvocationWords = {
  start: [
    phrase(['ask'], ['about', 'for', 'if', 'to', 'whether'], true),
    phrase(['tell'], ['that', 'to'], true),
    phrase(['use'], ['and', 'to'], false),
    phrase(['search'], ['for'], false),
    phrase(['open'], ['and', 'for'], false),
    phrase(['talk', 'to'], ['and'], false),
    ...['launch', 'start', 'begin', 'load', 'resume', 'run'].map((word) => phrase([word], ['and'], false)),
  ],
  launch: [['ask'], ['tell'], ['use'], ['open'], ['talk', 'to'], ['launch'], ['start'], ['begin'], ['load'], ['resume'], ['run'], ['play']],
  trailing: new Set(['by', 'from', 'in', 'using', 'with']),
  suffixes: new Set(['skill', 'app']),
  articles: ['the'],
};

const LANGUAGES: Readonly<Record<string, InvocationWords>> = {
  en: ENGLISH,
  // "Alexa, frage Tageshoroskop nach dem Horoskop für Fische", "öffne …", "starte …", "sprich mit …", "sage …, dass …".
  de: {
    start: [
      phrase(['frage'], ['nach'], true),
      phrase(['frag'], ['nach'], true),
      phrase(['sage'], ['dass'], true),
      phrase(['sag'], ['dass'], true),
      phrase(['bitte'], ['um'], true),
      phrase(['sprich', 'mit'], ['und'], false),
      ...['öffne', 'starte', 'start', 'beginne', 'lade', 'benutze', 'nutze'].map((word) => phrase([word], ['und'], false)),
    ],
    launch: [['frage'], ['öffne'], ['starte'], ['start'], ['beginne'], ['lade'], ['benutze'], ['nutze'], ['sprich', 'mit']],
    trailing: new Set(['mit', 'von', 'bei']),
    suffixes: new Set(['skill', 'app']),
    articles: ['den', 'der', 'die', 'dem'],
  },
  // "Alexa, demande à signe astrologique l'horoscope des gémeaux", "ouvre …", "lance …", "demande à … de …".
  fr: {
    start: [
      phrase(['demande', 'à'], ['de', "d'", 'si', "s'"], true),
      phrase(['dis', 'à'], ['de', "d'", 'que', "qu'"], true),
      phrase(['parle', 'à'], ['et'], false),
      ...['ouvre', 'lance', 'démarre', 'utilise', 'commence'].map((word) => phrase([word], ['et', 'pour'], false)),
    ],
    launch: [['demande', 'à'], ['ouvre'], ['lance'], ['démarre'], ['utilise'], ['commence'], ['parle', 'à']],
    trailing: new Set(['avec', 'sur', 'de', 'par']),
    suffixes: new Set(['skill', 'application', 'appli']),
    articles: ['le', 'la'],
  },
};

const WAKE_WORD = 'alexa';

/** The words of a locale's language; English for a language the simulator does not know. */
function wordsOf(locale: string | undefined): InvocationWords {
  return LANGUAGES[languageOf(locale)] ?? ENGLISH;
}

/** Where the invocation name ends when it begins at `from` (after an optional article), or undefined when it is not there. */
function nameEnd(said: readonly string[], name: readonly string[], from: number, articles: readonly string[]): number | undefined {
  if (startsWithWords(said, name, from)) return from + name.length;
  if (articles.includes(said[from] ?? '') && startsWithWords(said, name, from + 1)) return from + 1 + name.length;
  return undefined;
}

/** What follows a connecting word: the rest, or undefined when `first` is not one. A glued one ("d'annuler") is cut off. */
function afterConnector(rest: readonly string[], connectors: ReadonlySet<string>): readonly string[] | undefined {
  const first = rest[0] ?? '';
  if (connectors.has(first)) return rest.slice(1);
  const glued = [...connectors].find((c) => c.endsWith("'") && first.startsWith(c) && first.length > c.length);
  return glued === undefined ? undefined : [first.slice(glued.length), ...rest.slice(1)];
}

/**
 * Parses how Alexa is addressed at the start of a session. Every pattern is anchored at whole words at the start
 * (or, for "… using <name>", the end), so a launch word inside another word or later in the sentence is not an
 * invocation: "deploy the basket service" stays an utterance.
 */
export function parseInvocation(text: string, invocationName: string, locale = 'en-US'): Invocation {
  const language = wordsOf(locale);
  const name = words(invocationName);
  let said = words(text);
  if (said[0] === WAKE_WORD) said = said.slice(1);

  const alone = nameEnd(said, name, 0, language.articles);
  if (alone !== undefined && isLaunchTail(said.slice(alone), language.suffixes)) return { kind: 'launch' };

  for (const launch of language.launch) {
    if (!startsWithWords(said, launch)) continue;
    const end = nameEnd(said, name, launch.length, language.articles);
    if (end !== undefined && isLaunchTail(said.slice(end), language.suffixes)) return { kind: 'launch' };
  }

  for (const start of language.start) {
    if (!startsWithWords(said, start.words)) continue;
    const end = nameEnd(said, name, start.words.length, language.articles);
    if (end === undefined) continue;
    const rest = said.slice(end);
    // Only the first word after the name can connect; "to" later in the sentence belongs to the utterance.
    const action = afterConnector(rest, start.connectors);
    if (action !== undefined) return action.length > 0 ? { kind: 'one-shot', utterance: action.join(' ') } : { kind: 'launch' };
    if (start.bare) return { kind: 'one-shot', utterance: rest.join(' ') };
  }

  for (const start of [said.length - name.length - 1, said.length - name.length - 2]) {
    if (start <= 0 || !language.trailing.has(said[start] ?? '')) continue;
    if (nameEnd(said, name, start + 1, language.articles) === said.length) return { kind: 'one-shot', utterance: said.slice(0, start).join(' ') };
  }
  return { kind: 'unnamed', utterance: said.join(' ') };
}

/** Nothing after the name but "skill" or "app": "open release captain skill". */
function isLaunchTail(rest: readonly string[], suffixes: ReadonlySet<string>): boolean {
  return rest.length === 0 || (rest.length === 1 && suffixes.has(rest[0] ?? ''));
}
