import type { RequestHandler } from 'ask-sdk-core';
import type { IntentSpec } from '../intents';
import { intentName } from '../turn/request-shape';
import { turnOf } from '../turn/turn';
import { runIntent } from './run-intent';
import { refuseStranger } from './access-guard.handler';

const ANSWERS: Readonly<Record<string, 'CONFIRMED' | 'DENIED'>> = { 'AMAZON.YesIntent': 'CONFIRMED', 'AMAZON.NoIntent': 'DENIED' };

/**
 * The yes or no to a read-back that was asked on a screen. There, the skill asks as a plain question, since Alexa
 * takes no other directive beside a Dialog.ConfirmIntent, so the answer arrives as AMAZON.YesIntent or
 * AMAZON.NoIntent. This decides nothing itself: it turns the answer into the request Alexa would have sent for the
 * ConfirmIntent (the intent the question kept in the session, CONFIRMED or DENIED) and hands it to that intent's
 * handler from the table, where the one consent path (consentTo, the plan key, the release code) decides. Yes and no
 * are open intents, so that intent's own access rule is applied here: the session can be forged. The question lives
 * one turn (the request interceptor takes it out of every request), so only the very next yes or no reaches here;
 * without one, yes and no answer as they always do.
 */
export function screenAnswerHandler(intents: readonly IntentSpec[]): RequestHandler {
  const byName = new Map(intents.map((spec) => [spec.name, spec]));
  const answered = (input: Parameters<RequestHandler['canHandle']>[0]) => {
    const status = ANSWERS[intentName(input) ?? ''];
    const question = status === undefined ? undefined : turnOf(input).screenQuestion;
    const spec = question && byName.get(question.name);
    return status && question && spec?.consent !== undefined ? { status, question, spec } : undefined;
  };
  return {
    canHandle: (input) => answered(input) !== undefined,
    async handle(input) {
      const found = answered(input);
      if (!found) throw new Error('canHandle chose a screen answer that is gone');
      const { status, question, spec } = found;
      const turn = turnOf(input);
      if (spec.access !== 'open' && !turn.allowed) return refuseStranger(turn, spec.name);
      return runIntent(spec, turn, { ...question, confirmationStatus: status });
    },
  };
}
