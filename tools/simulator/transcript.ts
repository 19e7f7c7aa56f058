import type { ResponseEnvelope, ui } from 'ask-sdk-model';

/** What a turn needs for its transcript lines. */
export interface TranscriptTurn {
  readonly user: string;
  /** A task launch (a routine, a Quick Link) rather than something the user said. */
  readonly task?: { readonly name: string; readonly input: Readonly<Record<string, unknown>> };
  readonly alexa: readonly string[];
  /** The captions with their kind, when known: a progressive response or Alexa's own offer is labelled as such. */
  readonly captions?: readonly { readonly text: string; readonly kind?: string }[];
  /** What the skill drew on a screen, `[screen: …]`, printed after what Alexa said. */
  readonly screens?: readonly string[];
  readonly sessionEnded: boolean;
  /** The skill's responses, for the cards they leave in the Alexa app. */
  readonly responses?: readonly ResponseEnvelope[];
  /** Set when a response was refused: then nothing of it, card included, reaches the person. */
  readonly error?: unknown;
}

/** The cards a turn leaves in the Alexa app, in order: none when a response was refused. */
export function cardsOf(turn: TranscriptTurn): ui.SimpleCard[] {
  if (turn.error !== undefined) return [];
  return (turn.responses ?? []).flatMap((r) => (r.response.card?.type === 'Simple' ? [r.response.card] : []));
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The caption of an outputSpeech, or undefined when there is none (a response with only a directive). */
export function captionOf(speech: ui.OutputSpeech | undefined): string | undefined {
  if (!speech) return undefined;
  const caption = speech.type === 'SSML' ? ssmlToCaption(speech.ssml) : speech.text.replace(/\s+/g, ' ').trim();
  return caption === '' ? undefined : caption;
}

/** SSML as the caption Alexa shows: tags dropped, entities decoded, whitespace collapsed. */
export function ssmlToCaption(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => decodeEntity(body) ?? entity)
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,!?;:])/g, '$1')
    .trim();
}

/**
 * The lines `ask dialog` prints for one turn: `User  > …`, then `Session ended` when a response ended the session,
 * then one `Alexa > …` per caption. ask-cli prints "Session ended" before the captions (see its
 * DialogController.evaluateUtterance), and this keeps that order so transcripts compare with real ones. A task
 * launch, which ask dialog cannot make, opens with `Task  > <name> <input as JSON>` instead of the user's line; a
 * progressive response or Alexa's own offer of a routine is marked `Alexa (progressive) >` or `Alexa (offer) >`. A
 * screen the skill drew (on a simulated Echo Show) follows as `[screen: …]`, and a card the skill left in the Alexa app
 * as `Card  > <title>` (ask dialog prints neither; the lines are ours).
 */
export function transcriptLines(turn: TranscriptTurn): string[] {
  const opening = turn.task ? `Task  > ${turn.task.name} ${JSON.stringify(turn.task.input)}` : `User  > ${turn.user}`;
  return [
    opening,
    ...(turn.sessionEnded ? ['Session ended'] : []),
    ...(turn.captions ?? turn.alexa.map((text) => ({ text, kind: undefined }))).map(({ text, kind }) => `Alexa${kind ? ` (${kind})` : ''} > ${text}`),
    ...(turn.screens ?? []),
    ...cardsOf(turn).map((card) => `Card  > ${card.title ?? ''}`),
  ];
}

/** A whole conversation as `ask dialog` prints it, one line per entry, ending with a newline. */
export function formatTranscript(turns: readonly TranscriptTurn[]): string {
  return turns.flatMap(transcriptLines).map((line) => `${line}\n`).join('');
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
  return ENTITIES[body.toLowerCase()];
}
