import { hashPin } from '../../lambda/src/domain/pin-guard';

/**
 * The hash of a release code as `npm run pin-hash` writes it, made at a test's cost: N=2^10 instead of the skill's
 * 2^14, whose ~50 ms per hash and per check was about a tenth of the CPU of the conversation and domain tests.
 * verifyPin reads the cost from the stored hash, so a test checks a spoken code exactly as the skill does;
 * tests/unit/domain/pin-guard.test.ts keeps the production cost.
 */
export function testPinHash(pin: string): string {
  return hashPin(pin, 1024);
}
