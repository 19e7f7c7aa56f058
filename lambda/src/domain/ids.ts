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
