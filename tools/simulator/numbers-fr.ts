import { complete, digitsBelow, type NumberGrammar, type Reading } from './number-grammar';

const UNITS: Readonly<Record<string, number>> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
};
/** The tens said as one word; Belgian and Swiss French add septante, huitante (octante) and nonante. */
const TENS: Readonly<Record<string, number>> = {
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
};
const ZERO = 'zéro';
const AND = 'et';
const HUNDRED = 'cent';
const HUNDREDS = 'cents';
const THOUSAND = 'mille';
const EIGHTY = ['quatre', 'vingt'];
const EIGHTY_PLURAL = 'vingts';

const LEXICON = new Set([
  ...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ZERO, AND, HUNDRED, HUNDREDS, THOUSAND, EIGHTY_PLURAL,
]);

/**
 * French number words as Alexa hears them in fr-FR, 0 to 999 999: "zéro", "un"/"une" … "seize", "dix-sept", "vingt",
 * "vingt et un", "soixante-dix", "soixante et onze", "quatre-vingts", "quatre-vingt-dix-neuf", "cent", "deux cents",
 * "deux cent un", "mille", "deux mille". The normaliser has already turned hyphens into spaces, so every word is an atom.
 */
export const FRENCH: NumberGrammar = {
  atoms: (word) => (LEXICON.has(word) ? [word] : undefined),
  whole: (atoms) => (atoms.length === 1 && atoms[0] === ZERO ? 0 : complete(number(atoms, 0), atoms.length)),
  group: (atoms) => (atoms.length === 1 && atoms[0] === ZERO ? 0 : complete(belowHundred(atoms, 0), atoms.length)),
};

/** The plural "vingts" and "cents" end a number, or stand before "mille" ("quatre-vingts mille", "deux cents mille"). */
function endsHere(atoms: readonly string[], at: number): boolean {
  return at === atoms.length || atoms[at] === THOUSAND;
}

/** 10–19: "dix" … "seize", "dix-sept", "dix-huit", "dix-neuf". */
function teen(atoms: readonly string[], at: number): Reading[] {
  const atom = atoms[at] ?? '';
  const readings: Reading[] = [];
  const single = TEENS[atom];
  if (single !== undefined) readings.push({ value: single, next: at + 1 });
  const unit = UNITS[atoms[at + 1] ?? ''];
  if (atom === 'dix' && unit !== undefined && unit >= 7) readings.push({ value: 10 + unit, next: at + 2 });
  return readings;
}

/** 1–99. */
function belowHundred(atoms: readonly string[], at: number): Reading[] {
  const atom = atoms[at] ?? '';
  const next = atoms[at + 1] ?? '';
  const readings: Reading[] = [...teen(atoms, at)];
  const unit = UNITS[atom];
  if (unit !== undefined) readings.push({ value: unit, next: at + 1 });
  const tens = TENS[atom];
  if (tens !== undefined) {
    readings.push({ value: tens, next: at + 1 });
    // "vingt et un", "soixante et onze"; from two on, the unit follows without "et": "vingt-deux".
    const afterAnd = atoms[at + 2] ?? '';
    if (next === AND && (afterAnd === 'un' || afterAnd === 'une')) readings.push({ value: tens + 1, next: at + 3 });
    if (next === AND && afterAnd === 'onze' && atom === 'soixante') readings.push({ value: 71, next: at + 3 });
    const following = UNITS[next];
    if (following !== undefined && following >= 2) readings.push({ value: tens + following, next: at + 2 });
    // Seventy counts on from sixty: "soixante-dix", "soixante-douze" (71 says "et": "soixante et onze").
    if (atom === 'soixante') readings.push(...teen(atoms, at + 1).filter((t) => t.value !== 11).map((t) => ({ value: 60 + t.value, next: t.next })));
  }
  if (atom === EIGHTY[0] && next === EIGHTY_PLURAL && endsHere(atoms, at + 2)) readings.push({ value: 80, next: at + 2 });
  if (atom === EIGHTY[0] && next === EIGHTY[1]) {
    // "quatre-vingt-un" (no "et"), "quatre-vingt-dix-neuf".
    readings.push({ value: 80, next: at + 2 });
    const unitAfter = UNITS[atoms[at + 2] ?? ''];
    if (unitAfter !== undefined) readings.push({ value: 80 + unitAfter, next: at + 3 });
    readings.push(...teen(atoms, at + 2).map((t) => ({ value: 80 + t.value, next: t.next })));
  }
  return readings;
}

/** 1–999, and the hundreds up to 9 900 as French says years ("dix-neuf cent quatre-vingt-quatre"). */
function belowThousand(atoms: readonly string[], at: number): Reading[] {
  const readings: Reading[] = [...belowHundred(atoms, at), ...digitsBelow(atoms, at, 1000)];
  const multipliers: Reading[] = [
    { value: 1, next: at },
    ...[...belowHundred(atoms, at), ...digitsBelow(atoms, at, 100)].filter((m) => m.value >= 2),
  ];
  for (const multiplier of multipliers) {
    const word = atoms[multiplier.next];
    const hundreds = multiplier.value * 100;
    if (word === HUNDREDS && multiplier.value >= 2 && endsHere(atoms, multiplier.next + 1)) {
      readings.push({ value: hundreds, next: multiplier.next + 1 });
    }
    if (word !== HUNDRED) continue;
    readings.push({ value: hundreds, next: multiplier.next + 1 });
    readings.push(...belowHundred(atoms, multiplier.next + 1).map((r) => ({ value: hundreds + r.value, next: r.next })));
  }
  return readings;
}

/** 1–999 999: "mille" alone for a thousand, a number from two up before it. */
function number(atoms: readonly string[], at: number): Reading[] {
  const readings = belowThousand(atoms, at);
  const multipliers: Reading[] = [{ value: 1, next: at }, ...readings.filter((m) => m.value >= 2 && m.value < 1000)];
  for (const multiplier of multipliers) {
    if (atoms[multiplier.next] !== THOUSAND) continue;
    const thousands = multiplier.value * 1000;
    readings.push({ value: thousands, next: multiplier.next + 1 });
    readings.push(...belowThousand(atoms, multiplier.next + 1).map((r) => ({ value: thousands + r.value, next: r.next })));
  }
  return readings;
}
