/** A short spoken form of a long id: the first eight characters, as people read commit ids. */
export function shortId(id: string): string {
  return id.replace(/^arn:.*[:/]/, '').slice(0, 8);
}
