/**
 * A line of someone's free text said aloud, in any language: its first line, its first sentence, without closing
 * punctuation, cut on a word to at most 60 characters (git's 50-character subject, and a little more). Commit
 * subjects and approval requests are written by people, so they are clipped here for the ear; the whole text goes on
 * the card.
 */
export function clip(text: string | undefined): string | undefined {
  const first = text?.split('\n')[0]?.trim().split(/(?<=[.!?])\s/)[0]?.replace(/[.!?:;,\s]+$/, '');
  if (!first) return undefined;
  if (first.length <= 60) return first;
  const cut = first.slice(0, 61);
  const space = cut.lastIndexOf(' ');
  return (space > 20 ? cut.slice(0, space) : cut.slice(0, 60)).replace(/[.!?:;,\s]+$/, '');
}
