import { randomBytes, scryptSync } from 'node:crypto';

/**
 * The hash of a release code in the format `npm run pin-hash` writes (`scrypt$N$r$p$salt$hash`), made at a test's
 * cost: N=2^10 instead of hashPin's 2^14, whose ~50 ms per hash and per check was about a tenth of the CPU of the
 * conversation and domain tests. verifyPin reads the cost from the stored hash, so a test checks a spoken code exactly
 * as the skill does; tests/unit/domain/pin-guard.test.ts keeps hashPin and its production cost.
 */
export function testPinHash(pin: string): string {
  const [N, r, p] = [1024, 8, 1];
  const salt = randomBytes(16);
  return ['scrypt', N, r, p, salt.toString('base64'), scryptSync(pin, salt, 32, { N, r, p }).toString('base64')].join('$');
}
