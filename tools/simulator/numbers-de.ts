import { complete, cutWord, digitsBelow, type NumberGrammar, type Reading } from './number-grammar';

const UNITS: Readonly<Record<string, number>> = {
  ein: 1, eins: 1, eine: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  zehn: 10, elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
};
const TENS: Readonly<Record<string, number>> = {
  zwanzig: 20, dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
const ZERO = 'null';
const HUNDRED = 'hundert';
const THOUSAND = 'tausend';
const AND = 'und';
/** "eins" and "eine" end a number; before "und", "hundert" or "tausend" German says "ein" ("einundzwanzig"). */
const FINAL_ONLY = new Set(['eins', 'eine']);

const LEXICON = new Set([...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ZERO, HUNDRED, THOUSAND, AND]);
const LONGEST = Math.max(...[...LEXICON].map((atom) => atom.length));

/**
 * German number words as Alexa hears them in de-DE, 0 to 999 999: "null", "eins"/"ein"/"eine" … "zwölf", "dreizehn",
 * "einundzwanzig" written as one word or split ("ein und zwanzig"), "hundert"/"einhundert", "zweihundertfünf",
 * "hundertundeins", "neunzehnhundertvierundachtzig", "tausend", "zweitausendvierundzwanzig".
 */
export const GERMAN: NumberGrammar = {
  atoms: (word) => cutWord(word, LEXICON, LONGEST),
  whole: (atoms) => (atoms.length === 1 && atoms[0] === ZERO ? 0 : complete(number(atoms, 0), atoms.length)),
  group: (atoms) => (atoms.length === 1 && atoms[0] === ZERO ? 0 : complete(belowHundred(atoms, 0), atoms.length)),
};

/** 1–99: "sieben", "zwölf", "vierzig", "sieben und vierzig". */
function belowHundred(atoms: readonly string[], at: number): Reading[] {
  const atom = atoms[at] ?? '';
  const readings: Reading[] = [];
  const single = UNITS[atom] ?? TEENS[atom] ?? TENS[atom];
  if (single !== undefined) readings.push({ value: single, next: at + 1 });
  const unit = UNITS[atom];
  const tens = TENS[atoms[at + 2] ?? ''];
  if (unit !== undefined && !FINAL_ONLY.has(atom) && atoms[at + 1] === AND && tens !== undefined) {
    readings.push({ value: unit + tens, next: at + 3 });
  }
  return readings;
}

/** 1–999, and the hundreds up to "neunundneunzighundert" as German says years ("neunzehnhundertvierundachtzig"). */
function belowThousand(atoms: readonly string[], at: number): Reading[] {
  const readings: Reading[] = [...belowHundred(atoms, at), ...digitsBelow(atoms, at, 1000)];
  const multipliers: Reading[] = [
    { value: 1, next: at },
    ...belowHundred(atoms, at).filter((m) => !FINAL_ONLY.has(atoms[m.next - 1] ?? '')),
    ...digitsBelow(atoms, at, 100),
  ];
  for (const multiplier of multipliers) {
    if (atoms[multiplier.next] !== HUNDRED) continue;
    const hundreds = multiplier.value * 100;
    readings.push({ value: hundreds, next: multiplier.next + 1 });
    readings.push(...rest(atoms, multiplier.next + 1, belowHundred).map((r) => ({ value: hundreds + r.value, next: r.next })));
  }
  return readings;
}

/** 1–999 999: a number below a thousand, or one (or none: "tausend") before "tausend" and another after it. */
function number(atoms: readonly string[], at: number): Reading[] {
  const readings = belowThousand(atoms, at);
  const multipliers: Reading[] = [
    { value: 1, next: at },
    ...readings.filter((m) => m.value < 1000 && !FINAL_ONLY.has(atoms[m.next - 1] ?? '')),
  ];
  for (const multiplier of multipliers) {
    if (atoms[multiplier.next] !== THOUSAND) continue;
    const thousands = multiplier.value * 1000;
    readings.push({ value: thousands, next: multiplier.next + 1 });
    readings.push(...rest(atoms, multiplier.next + 1, belowThousand).map((r) => ({ value: thousands + r.value, next: r.next })));
  }
  return readings;
}

/** What follows "hundert" or "tausend": the smaller part, right after it or after "und" ("hundertundeins"). */
function rest(atoms: readonly string[], at: number, part: (atoms: readonly string[], at: number) => Reading[]): Reading[] {
  return [...part(atoms, at), ...(atoms[at] === AND ? part(atoms, at + 1) : [])];
}
