import { startsWithWords, words } from './text';

/** What a user said to start a conversation with the skill. */
export type Invocation =
  | { readonly kind: 'launch' }
  /** "ask <name> to <utterance>" and friends: the skill gets an IntentRequest for `utterance`. */
  | { readonly kind: 'one-shot'; readonly utterance: string }
  /** The skill is not named: taken as a one-shot to this skill, the only one the simulator knows. */
  | { readonly kind: 'unnamed'; readonly utterance: string };

/*
 * Alexa's supported phrases for starting a skill, English (Alexa Skills Kit documentation, "Understand How Users
 * Invoke Custom Skills"). The connecting words belong to Alexa: the model's samples see only what follows them, so
 * "ask release captain for the status of checkout" needs the sample "the status of {service}".
 */

/** A phrase that starts a request with an action: "<phrase> <name> <connecting word> <action>". */
interface StartPhrase {
  readonly words: readonly string[];
  readonly connectors: ReadonlySet<string>;
  /** Whether the action may follow the name without a connecting word ("ask release captain what's deployed"). */
  readonly bare: boolean;
}

const START_PHRASES: readonly StartPhrase[] = [
  { words: ['ask'], connectors: new Set(['about', 'for', 'if', 'to', 'whether']), bare: true },
  { words: ['tell'], connectors: new Set(['that', 'to']), bare: true },
  { words: ['use'], connectors: new Set(['and', 'to']), bare: false },
  { words: ['search'], connectors: new Set(['for']), bare: false },
  { words: ['open'], connectors: new Set(['and', 'for']), bare: false },
  { words: ['talk', 'to'], connectors: new Set(['and']), bare: false },
  ...['launch', 'start', 'begin', 'load', 'resume', 'run'].map((word) => ({ words: [word], connectors: new Set(['and']), bare: false })),
];

/** Phrases that open the skill with no request: "open release captain", and the name said alone. */
const LAUNCH_PHRASES: readonly (readonly string[])[] = [
  ['ask'], ['tell'], ['use'], ['open'], ['talk', 'to'], ['launch'], ['start'], ['begin'], ['load'], ['resume'], ['run'], ['play'],
];

/** "<action> <connecting word> <name>": "give me the status using release captain". */
const TRAILING_CONNECTORS = new Set(['by', 'from', 'in', 'using', 'with']);

const LAUNCH_SUFFIXES = new Set(['skill', 'app']);
const WAKE_WORD = 'alexa';
/** People may put "the" before the name ("from the release captain"); it is not part of it. */
const ARTICLE = 'the';

/** Where the invocation name ends when it begins at `from` (after an optional "the"), or undefined when it is not there. */
function nameEnd(said: readonly string[], name: readonly string[], from: number): number | undefined {
  if (startsWithWords(said, name, from)) return from + name.length;
  if (said[from] === ARTICLE && startsWithWords(said, name, from + 1)) return from + 1 + name.length;
  return undefined;
}

/**
 * Parses how Alexa is addressed at the start of a session. Every pattern is anchored at whole words at the start
 * (or, for "… using <name>", the end), so a launch word inside another word or later in the sentence is not an
 * invocation: "deploy the basket service" stays an utterance.
 */
export function parseInvocation(text: string, invocationName: string): Invocation {
  const name = words(invocationName);
  let said = words(text);
  if (said[0] === WAKE_WORD) said = said.slice(1);

  const alone = nameEnd(said, name, 0);
  if (alone !== undefined && isLaunchTail(said.slice(alone))) return { kind: 'launch' };

  for (const phrase of LAUNCH_PHRASES) {
    if (!startsWithWords(said, phrase)) continue;
    const end = nameEnd(said, name, phrase.length);
    if (end !== undefined && isLaunchTail(said.slice(end))) return { kind: 'launch' };
  }

  for (const phrase of START_PHRASES) {
    if (!startsWithWords(said, phrase.words)) continue;
    const end = nameEnd(said, name, phrase.words.length);
    if (end === undefined) continue;
    const rest = said.slice(end);
    // Only the first word after the name can connect; "to" later in the sentence belongs to the utterance.
    if (phrase.connectors.has(rest[0] ?? '')) {
      return rest.length > 1 ? { kind: 'one-shot', utterance: rest.slice(1).join(' ') } : { kind: 'launch' };
    }
    if (phrase.bare) return { kind: 'one-shot', utterance: rest.join(' ') };
  }

  for (const start of [said.length - name.length - 1, said.length - name.length - 2]) {
    if (start <= 0 || !TRAILING_CONNECTORS.has(said[start] ?? '')) continue;
    if (nameEnd(said, name, start + 1) === said.length) return { kind: 'one-shot', utterance: said.slice(0, start).join(' ') };
  }
  return { kind: 'unnamed', utterance: said.join(' ') };
}

/** Nothing after the name but "skill" or "app": "open release captain skill". */
function isLaunchTail(rest: readonly string[]): boolean {
  return rest.length === 0 || (rest.length === 1 && LAUNCH_SUFFIXES.has(rest[0] ?? ''));
}
