import { spokenNumber } from './numbers';
import { words } from './text';

const UNITS: Readonly<Record<string, { readonly letter: string; readonly time: boolean }>> = {
  year: { letter: 'Y', time: false },
  month: { letter: 'M', time: false },
  week: { letter: 'W', time: false },
  day: { letter: 'D', time: false },
  hour: { letter: 'H', time: true },
  minute: { letter: 'M', time: true },
  second: { letter: 'S', time: true },
};
const ORDER = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

/**
 * What Alexa sends for a spoken AMAZON.DURATION: ISO-8601, "fourteen days" → "P14D", "two weeks" → "P2W",
 * "five hours ten minutes" → "PT5H10M", "a week" → "P1W" (Alexa's documented examples). Undefined when the words
 * are not a duration; parts must come largest unit first, each unit once.
 */
export function spokenDuration(spoken: string): string | undefined {
  const tokens = words(spoken).filter((token) => token !== 'and');
  if (tokens.length === 0) return undefined;
  const parts = new Map<string, number>();
  let amount: string[] = [];
  let last = -1;
  for (const token of tokens) {
    const unit = token.replace(/s$/, '');
    if (UNITS[unit] === undefined) {
      amount.push(token);
      continue;
    }
    const value = amount.length === 1 && (amount[0] === 'a' || amount[0] === 'an') ? '1' : spokenNumber(amount.join(' '));
    const position = ORDER.indexOf(unit);
    if (value === undefined || amount.length === 0 || position <= last) return undefined;
    parts.set(unit, Number(value));
    last = position;
    amount = [];
  }
  if (amount.length > 0 || parts.size === 0) return undefined;
  const date = ORDER.filter((u) => parts.has(u) && !UNITS[u]?.time).map((u) => `${parts.get(u)}${UNITS[u]?.letter}`).join('');
  const time = ORDER.filter((u) => parts.has(u) && UNITS[u]?.time).map((u) => `${parts.get(u)}${UNITS[u]?.letter}`).join('');
  return `P${date}${time === '' ? '' : `T${time}`}`;
}
