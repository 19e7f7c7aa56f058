import { clip } from '../../../lambda/src/speech/free-text';

describe('free text said aloud (clip)', () => {
  it('says the first line and its first sentence, without closing punctuation', () => {
    expect(clip('Fix tax rounding. Also tidy the tests.\n\nLonger body')).toBe('Fix tax rounding');
    expect(clip('Steuerrundung korrigiert!\nDetails folgen')).toBe('Steuerrundung korrigiert');
  });

  it('cuts a long line on a word, at most 60 characters', () => {
    const said = clip('Corrige l\'arrondi des taxes dans le panier quand la devise change pendant la commande');
    expect(said).toBe('Corrige l\'arrondi des taxes dans le panier quand la devise');
    expect(said!.length).toBeLessThanOrEqual(60);
  });

  it('cuts a line without spaces at 60 characters', () => {
    expect(clip('x'.repeat(80))).toBe('x'.repeat(60));
  });

  it('says nothing for no text, or text that is only punctuation', () => {
    expect(clip(undefined)).toBeUndefined();
    expect(clip('  ...\nbody')).toBeUndefined();
  });
});
