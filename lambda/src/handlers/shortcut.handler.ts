import type { RequestHandler } from 'ask-sdk-core';
import type { interfaces, Response } from 'ask-sdk-model';
import { ROUTINES, type OfferAnswer, type OfferDecision, type Routine, type StoredOffers } from '../domain/shortcut-offers';
import type { StoredRecord } from '../ports/state-store.port';
import { joinSsml, type Ssml } from '../speech/ssml';
import { TASKS } from '../tasks';
import { applicationIdOf, localeOf, resumedConnectionOf } from '../turn/request-shape';
import { turnOf, type AnswerOptions, type Turn } from '../turn/turn';

/*
 * Alexa's pre-built routine offer (AMAZON.OfferAutomation): the skill asks Alexa to offer the person a routine whose
 * trigger is a phrase ("Alexa, push to prod") and whose action starts the skill's custom task, which then reads back
 * and waits for a yes like any request. What is verified and what is not:
 *
 * Verified (developer.amazon.com/docs/alexa/custom-skills/pre-built-routine-api-reference.html and
 * pre-built-routine-primitives.html): the Connections.StartConnection directive with uri
 * connection://AMAZON.OfferAutomation/1, `input: {automation, renderingData?}`, `onCompletion: 'RESUME_SESSION'`
 * (required) and a token handed back as-is in the SessionResumedRequest; the trigger
 * Alexa.Automation.Trigger.Voice.CustomUtterance version 1.0 with `payload: {utterances (at most five, in order of
 * preference, each following the rules for sample utterances), locale (the device's)}`, and the locales it works in.
 * A response with a Connections.StartConnection carries no audio or video player directive (use-skill-connections-
 * to-request-tasks.html); speech may come with it (the account-linking example speaks and starts a connection).
 *
 * Not verified [G], seen only in a published third-party skill's code, not in Amazon's docs: the operation that
 * starts a skill's own task, `{operation: {type: 'Alexa.Automation.Operation.Skill.StartConnection', version: '1.0',
 * operationId, payload: {connectionRequest: {uri: 'connection://<skillId>.<Task>/<version>?provider=<skillId>',
 * input}}}}` inside `operations.serial`; `renderingData.operations[operationId].descriptionPrompt`; and the answer's
 * shape, `cause.status.code` 200 when the routine was created, 204 with `cause.result.offerAutomationResponse.reason`
 * REJECTED_BY_CUSTOMER or AUTOMATION_ALREADY_ENABLED otherwise. Anything else is taken as a failure. Whether the
 * connection's input reaches the task's LaunchRequest is also unverified: the task asks for what it lacks anyway.
 */

/** The locales Alexa takes a custom-utterance trigger in (pre-built-routine-primitives.html). */
const UTTERANCE_LOCALES: ReadonlySet<string> = new Set([
  'en-US', 'en-CA', 'en-IN', 'en-GB', 'en-AU', 'es-ES', 'es-US', 'es-MX', 'de-DE', 'fr-FR', 'fr-CA', 'pt-BR', 'it-IT',
]);
const OFFER_URI = 'connection://AMAZON.OfferAutomation/1';
const TOKEN_PREFIX = 'shortcut-offer:';
/** The task each routine starts, and the input it gives it ("prod", resolved like the spoken word). */
const ROUTINE_TASKS: Readonly<Record<Routine, { readonly task: string; readonly input: Readonly<Record<string, string>> }>> = {
  'push-to-prod': { task: 'PushToProd', input: { environment: 'prod' } },
  'roll-back-prod': { task: 'Rollback', input: { environment: 'prod' } },
};

/** "Make a shortcut": Alexa offers the first routine the person does not have yet. */
export async function shortcut(turn: Turn): Promise<Response> {
  const decision = await turn.deps.shortcuts.onRequest(turn.principal);
  if (decision.kind !== 'offer') {
    turn.audit('shortcut', 'all-set');
    return turn.say(turn.speech.shortcutAllSet());
  }
  const directive = offerDirective(turn, decision.routine);
  if (!directive) return turn.say(turn.speech.shortcutNotInThisLanguage());
  turn.audit('shortcut', 'offered', { routine: decision.routine, asked: true });
  return turn.connect(turn.speech.shortcutOffer(decision.routine, 'asked'), directive);
}

/** Starts reading what the person was offered, beside the release, so that its answer waits for no read of its own. */
export function readOffers(turn: Turn): Promise<StoredRecord<StoredOffers> | undefined> {
  const reading = turn.deps.shortcuts.read(turn.principal);
  // Awaited by afterRelease, or dropped when the release does not start: never an unhandled rejection.
  reading.catch(() => undefined);
  return reading;
}

/**
 * After a person's release started: `said`, and the first time only, Alexa's offer of the push-to-prod routine. The
 * release's answer never depends on it: if the offers cannot be read or written, the person hears `said` alone.
 */
export async function afterRelease(turn: Turn, said: Ssml, offers?: Promise<StoredRecord<StoredOffers> | undefined>, options: AnswerOptions = {}): Promise<Response> {
  let decision: OfferDecision;
  try {
    decision = await turn.deps.shortcuts.afterRelease(turn.principal, offers);
  } catch (error) {
    turn.deps.logger.log('warn', 'shortcut.unavailable', { error: error instanceof Error ? error.name : String(error) });
    return turn.say(said, options);
  }
  const directive = decision.kind === 'offer' ? offerDirective(turn, decision.routine) : undefined;
  if (decision.kind !== 'offer' || !directive) return turn.say(said, options);
  turn.audit('shortcut', 'offered', { routine: decision.routine, asked: false });
  return turn.connect(joinSsml([said, turn.speech.shortcutOffer(decision.routine, 'after-release')]), directive, options);
}

/**
 * Alexa hands the session back after the offer: the person's answer is kept (someone who declined is not offered one
 * again unasked) and spoken to, and after a routine was taken the next one is offered. Only for the skill's own
 * offers, and only for people on the allowlist; anything else falls through to the quiet handler.
 */
export const shortcutResumedHandler: RequestHandler = {
  canHandle: (input) => routineOf(resumedConnectionOf(input)?.token) !== undefined,
  async handle(input) {
    const turn = turnOf(input);
    const resumed = resumedConnectionOf(input) ?? {};
    const routine = routineOf(resumed.token);
    if (!turn.allowed || routine === undefined) {
      turn.audit('access', 'refused-not-allowed', { request: 'SessionResumedRequest' });
      return input.responseBuilder.getResponse();
    }
    const answer = answerOf(resumed.code, resumed.reason);
    turn.audit('shortcut', answer, { routine, code: resumed.code, reason: resumed.reason });
    const next = await turn.deps.shortcuts.answered(turn.principal, routine, answer);
    const { speech } = turn;
    const said = answer === 'accepted' ? speech.shortcutAccepted(routine)
      : answer === 'already-enabled' ? speech.shortcutAlreadyEnabled(routine)
        : answer === 'declined' ? speech.shortcutDeclined() : speech.shortcutFailed();
    const directive = next.kind === 'offer' ? offerDirective(turn, next.routine) : undefined;
    if (next.kind !== 'offer' || !directive) return turn.say(said);
    turn.audit('shortcut', 'offered', { routine: next.routine, asked: false });
    return turn.connect(joinSsml([said, speech.shortcutOffer(next.routine, 'next')]), directive);
  },
};

/** The offer of `routine` as Alexa takes it, or undefined where Alexa has no phrase triggers (the locale) or no skill id. */
function offerDirective(turn: Turn, routine: Routine): interfaces.connections.V1.StartConnectionDirective | undefined {
  const locale = localeOf(turn.input);
  const skillId = applicationIdOf(turn.input);
  const { task: taskName, input } = ROUTINE_TASKS[routine];
  const task = TASKS.find((t) => t.name === taskName);
  if (locale === undefined || !UTTERANCE_LOCALES.has(locale) || skillId === undefined || task === undefined) return undefined;
  const operationId = `${task.name}-${routine}`;
  return {
    type: 'Connections.StartConnection',
    uri: OFFER_URI,
    input: {
      automation: {
        trigger: {
          type: 'Alexa.Automation.Trigger.Voice.CustomUtterance',
          version: '1.0',
          payload: { utterances: turn.speech.shortcutPhrases(routine).slice(0, 5), locale },
        },
        operations: {
          serial: [{
            operation: {
              type: 'Alexa.Automation.Operation.Skill.StartConnection',
              version: '1.0',
              operationId,
              payload: { connectionRequest: { uri: `connection://${skillId}.${task.name}/${task.version}?provider=${skillId}`, input } },
            },
          }],
        },
      },
      renderingData: { operations: { [operationId]: { descriptionPrompt: turn.speech.shortcutDescription(routine) } } },
    },
    onCompletion: 'RESUME_SESSION',
    token: `${TOKEN_PREFIX}${routine}`,
  };
}

function routineOf(token: string | undefined): Routine | undefined {
  if (token === undefined || !token.startsWith(TOKEN_PREFIX)) return undefined;
  const name = token.slice(TOKEN_PREFIX.length);
  return ROUTINES.find((routine) => routine === name);
}

/** [G] see above: 200 created; 204 with the reason; anything else failed. */
function answerOf(code: string | undefined, reason: string | undefined): OfferAnswer {
  if (code === '200') return 'accepted';
  if (code === '204' && reason === 'REJECTED_BY_CUSTOMER') return 'declined';
  if (code === '204' && reason === 'AUTOMATION_ALREADY_ENABLED') return 'already-enabled';
  return 'failed';
}
