import { startsWithWords, words } from './text';

/** What a user said to start a conversation with the skill. */
export type Invocation =
  | { readonly kind: 'launch' }
  /** "ask <name> to <utterance>" and friends: the skill gets an IntentRequest for `utterance`. */
  | { readonly kind: 'one-shot'; readonly utterance: string }
  /** The skill is not named: taken as a one-shot to this skill, the only one the simulator knows. */
  | { readonly kind: 'unnamed'; readonly utterance: string };

const LAUNCH_WORDS = new Set(['open', 'launch', 'start', 'begin', 'load', 'run']);
const ASK_WORDS = new Set(['ask', 'tell']);
const CONNECTORS = new Set(['to', 'for', 'about', 'that', 'if', 'whether']);
const LAUNCH_SUFFIXES = new Set(['skill', 'app']);
const WAKE_WORD = 'alexa';

/**
 * Parses how Alexa is addressed at the start of a session. Every pattern is anchored at whole words at the start
 * (or, for "… using <name>", the end), so a launch word inside another word or later in the sentence is not an
 * invocation: "deploy the basket service" stays an utterance.
 */
export function parseInvocation(text: string, invocationName: string): Invocation {
  const name = words(invocationName);
  let said = words(text);
  if (said[0] === WAKE_WORD) said = said.slice(1);
  const first = said[0] ?? '';
  if ((LAUNCH_WORDS.has(first) || ASK_WORDS.has(first)) && startsWithWords(said, name, 1)) {
    const rest = said.slice(1 + name.length);
    if (rest.length === 0 || (rest.length === 1 && LAUNCH_SUFFIXES.has(rest[0] ?? ''))) return { kind: 'launch' };
    if (LAUNCH_WORDS.has(first)) {
      // "open release captain and deploy checkout"
      if (rest[0] === 'and' && rest.length > 1) return { kind: 'one-shot', utterance: rest.slice(1).join(' ') };
    } else {
      // Only the first word after the name can connect; "to" later in the sentence belongs to the utterance.
      const utterance = CONNECTORS.has(rest[0] ?? '') ? rest.slice(1) : rest;
      if (utterance.length > 0) return { kind: 'one-shot', utterance: utterance.join(' ') };
      return { kind: 'launch' };
    }
  }
  const using = said.length - name.length - 1;
  if (using > 0 && said[using] === 'using' && startsWithWords(said, name, using + 1)) {
    return { kind: 'one-shot', utterance: said.slice(0, using).join(' ') };
  }
  return { kind: 'unnamed', utterance: said.join(' ') };
}
