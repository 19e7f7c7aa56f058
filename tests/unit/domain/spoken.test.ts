import { normalise } from '../../../lambda/src/domain/spoken';

/** The definition normalise had before its ASCII shortcut: what it must still compute for every input. */
const byUnicodeClasses = (words: string) => words.toLowerCase().replace(/\./g, '').replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();

describe('normalise', () => {
  it('lower-cases, drops periods and punctuation, and collapses spaces', () => {
    expect(normalise('  Q.A.  Environment! ')).toBe('qa environment');
  });

  it.each([
    'Checkout', 'the check-out service', "Bob's  app!", 'api\tv2 (beta)', 'billing_prod #3', '  ...  ', '',
    'Café Ünïcode', 'ＡＰＩ two', '\u212Aelvin', 'deploy\u00A0now', 'svc\u2013two', 'emoji 🚀 service', 'I\u0307stanbul',
  ])('turns %j into what the Unicode classes make of it', (words) => {
    expect(normalise(words)).toBe(byUnicodeClasses(words));
  });

  it('agrees with the Unicode classes on every ASCII character', () => {
    const all = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('');

    expect(normalise(`a${all}z`)).toBe(byUnicodeClasses(`a${all}z`));
  });
});
