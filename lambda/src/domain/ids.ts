import { nodeCrypto } from '../runtime/node-crypto';

/** A short spoken form of a long id: the first eight characters, as people read commit ids. */
export function shortId(id: string): string {
  return id.replace(/^arn:.*[:/]/, '').slice(0, 8);
}

/**
 * CodePipeline's clientRequestToken for a confirmed request: the same request, retried by Alexa or Lambda, gives the
 * same token, so AWS returns the first execution instead of starting a second one.
 */
export function idempotencyToken(requestId: string, pipeline: string): string {
  return `ptp-${nodeCrypto().createHash('sha256').update(`${requestId}\n${pipeline}`).digest('hex').slice(0, 48)}`;
}

/**
 * A short identity for a string that must fit in a session attribute (FNV-1a, 32 bits, as hex): which alarms an
 * override was given for, which revisions a plan ships. Not a secret and not collision-proof against an attacker;
 * the session attributes are Alexa's, and a collision only skips a question the plan key still guards.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
