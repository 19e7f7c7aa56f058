import type { Intent, Response } from 'ask-sdk-model';
import type { IntentSpec } from '../intents';
import type { Turn } from '../turn/turn';

/**
 * Answers a turn with an intent's handler from the table: the spoken intent itself, or `chained` into (a task launch,
 * the yes or no to a read-back asked on a screen). Once the answer is ready no progressive response may start: Alexa
 * plays none that arrives after it.
 */
export async function runIntent(spec: IntentSpec, turn: Turn, chained?: Intent): Promise<Response> {
  if (chained !== undefined) turn.chainTo(chained);
  try {
    return await spec.handle(turn.forIntent(spec.slots));
  } finally {
    turn.progress.stop();
  }
}
