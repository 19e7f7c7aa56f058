import type { Response } from 'ask-sdk-model';
import { consentTo } from '../domain/consent';
import { isOutcomeUnknown } from '../domain/errors';
import { idempotencyToken } from '../domain/ids';
import { alreadyRuns } from '../domain/promotion';
import { FREEZE_OVERRIDE_KEY, isOverrideQuestion, overrideMarker } from '../domain/release-policy';
import type { DeployPlan } from '../domain/release-service';
import { executionFact } from '../speech/cards';
import type { Turn } from '../turn/turn';
import { refusal, releaseCodeStep } from './gates';
import { recordStart } from './journal';
import { afterRelease, readOffers } from './shortcut.handler';
import { resolveTarget, type TargetStep } from './target';

type Resolved = Extract<TargetStep, { kind: 'target' }>;

/**
 * "Push checkout to prod": resolve the target, refuse while a release runs, a freeze holds, an alarm fires or a
 * promotion has not baked (an admin may override each of the last three with a yes of its own), read back and ask
 * for a yes, and start the pipeline only on a yes to exactly that read-back, with a token derived from the request.
 */
export async function deploy(turn: Turn): Promise<Response> {
  const { speech, principal, deps: { policy, releases } } = turn;
  const step = resolveTarget(turn, 'deploy');
  if (step.kind === 'asked') return step.response;
  const { target } = step;
  turn.where = target;
  const pipeline = target.pipeline;
  if (!pipeline) return turn.say(speech.notConfigured('deploy', target));

  const consent = consentTo('deploy', target, { confirmation: turn.confirmation, targetSaid: step.said }, turn.readBack());
  if (consent.kind === 'denied') {
    turn.forgetReadBack();
    turn.audit('deploy', 'denied-by-user');
    return turn.say(speech.deployDenied(target));
  }

  // On a read-back turn, whether a shortcut offer may follow the release is read beside everything else, and kept in
  // the session: the yes then reads the offer state again only when one may follow (once per person).
  const due = consent.kind === 'given' && !isOverrideQuestion(consent.readBack.key) ? undefined : dueShortcut(turn);
  // A read-back says when the last release started; a confirmed yes says only that it started.
  if (consent.kind !== 'given') turn.willSayTimes();
  // What would ship, and the alarms, are read while the lock is (reads of the pipelines and alarms, never a change).
  const checked = await policy.barrierWhile(
    principal, target.environment, () => turn.whileSlow(speech.checkingPipeline(target), () => releases.readForDeploy(target)),
  );
  if (checked.kind !== 'clear') return refusal(turn, 'deploy', target.environment, checked);
  const reading = checked.read;

  const freeze = policy.freeze(principal, target, { overriddenFor: turn.freezeOverride(), readBack: turn.readBack(), confirmed: turn.confirmation === 'CONFIRMED' });
  switch (freeze.kind) {
    case 'frozen':
      turn.audit('deploy', 'refused-frozen', { freeze: freeze.freeze.reason });
      return turn.say(speech.frozen(target.environment, freeze.freeze.reason));
    case 'override-offered': {
      turn.rememberReadBack({ action: 'deploy', service: target.service, environment: target.environment, key: FREEZE_OVERRIDE_KEY });
      const question = speech.freezeOverrideQuestion(target.environment, freeze.freeze.reason);
      return turn.confirm(step.values, question, question);
    }
    case 'overridden-now':
      turn.rememberFreezeOverride(overrideMarker(target));
      turn.audit('deploy', 'freeze-overridden', { freeze: freeze.freeze.reason });
      break;
    case 'open':
    case 'overridden':
      break;
  }

  const { plan, alarms } = await reading;
  const session = () => ({ overrides: turn.gateOverrides(), readBack: turn.readBack(), confirmed: turn.confirmation === 'CONFIRMED' });
  const alarmGate = policy.alarms(principal, target, alarms, session());
  switch (alarmGate.kind) {
    case 'missing':
      turn.forgetReadBack();
      turn.audit('deploy', 'refused-alarm-missing', { alarms: alarmGate.names });
      return turn.say(speech.alarmsMissing(target.environment, alarmGate.names));
    case 'firing':
      turn.forgetReadBack();
      turn.audit('deploy', 'refused-alarm', { alarms: alarmGate.alarms.map((a) => a.name) });
      return turn.say(speech.alarmsFiring(target.environment, alarmGate.alarms));
    case 'override-offered': {
      turn.rememberReadBack({ action: 'deploy', service: target.service, environment: target.environment, key: alarmGate.key });
      const question = speech.alarmOverrideQuestion(target.environment, alarmGate.alarms);
      return turn.confirm(step.values, question, question);
    }
    case 'overridden-now':
      turn.rememberGateOverride(alarmGate.marker);
      turn.audit('deploy', 'alarm-overridden', { alarms: alarmGate.alarms.map((a) => a.name) });
      break;
    case 'open':
    case 'overridden':
      break;
  }

  const bakeGate = policy.bake(principal, target, plan.kind === 'ready' ? plan.promotion : undefined, session());
  switch (bakeGate.kind) {
    case 'baking':
      turn.forgetReadBack();
      turn.audit('deploy', 'refused-baking', { sourceExecutionId: bakeGate.promotion.execution.id, minutesLeft: bakeGate.minutesLeft });
      return turn.say(speech.bakeRefused(target, bakeGate.promotion, bakeGate.minutesLeft), { card: executionFact('ships', target.promoteFrom?.pipeline, bakeGate.promotion.execution) });
    case 'override-offered': {
      turn.rememberReadBack({ action: 'deploy', service: target.service, environment: target.environment, key: bakeGate.key });
      const question = speech.bakeOverrideQuestion(target, bakeGate.promotion, bakeGate.minutesLeft);
      return turn.confirm(step.values, question, question, { card: executionFact('ships', target.promoteFrom?.pipeline, bakeGate.promotion.execution) });
    }
    case 'overridden-now':
      turn.rememberGateOverride(bakeGate.marker);
      turn.audit('deploy', 'bake-overridden', { sourceExecutionId: bakeGate.promotion.execution.id, minutesLeft: bakeGate.minutesLeft });
      break;
    case 'open':
    case 'overridden':
      break;
  }

  // A yes to an override question (freeze, alarm, bake time) only leads to the read-back: its own yes ships.
  if (consent.kind !== 'given' || isOverrideQuestion(consent.readBack.key)) {
    if (due !== undefined) turn.rememberShortcutDue(await due);
    return readBack(turn, step, plan, false);
  }
  const askedForCode = await releaseCodeStep(turn, 'deploy', step.values);
  if (askedForCode) return askedForCode;

  turn.forgetReadBack();
  try {
    const offers = turn.shortcutDue() ? readOffers(turn) : undefined;
    const token = idempotencyToken(turn.requestId, pipeline.name);
    const outcome = await releases.startDeploy(target, token, consent.readBack.key, Promise.resolve(plan));
    switch (outcome.kind) {
      case 'busy':
        turn.audit('deploy', 'refused-busy', { runningExecutionId: outcome.running.id });
        return turn.say(speech.deployBusy(target, outcome.running), { card: executionFact('running', pipeline, outcome.running) });
      case 'changed':
        return readBack(turn, step, outcome.plan, true);
      case 'started':
        turn.audit('deploy', 'started', {
          executionId: outcome.executionId, awsRequestId: outcome.awsRequestId,
          ...(plan.kind === 'ready' && plan.promotion ? { promotedFrom: plan.promotion.execution.id, sourceRevisions: plan.promotion.revisions } : {}),
        });
        // Two writes after the start, at once: who started it (for the notifier) and whether to offer the shortcut.
        turn.rememberShortcutDue(false);
        const said = speech.deployStarted(target, pipeline.name, outcome.executionId);
        const card = { card: executionFact('started', pipeline, { id: outcome.executionId }) };
        return (await Promise.all([
          offers === undefined ? turn.say(said, card) : afterRelease(turn, said, offers, card),
          recordStart(turn, 'deploy', { executionId: outcome.executionId }),
        ]))[0];
    }
  } catch (error) {
    if (isOutcomeUnknown(error)) {
      turn.audit('deploy', 'unknown', { error: error.code, awsRequestId: error.requestId });
      return turn.say(speech.deployOutcomeUnknown(target, pipeline.name));
    }
    throw error;
  }
}

/** Whether the shortcut offer may follow this person's release; never fails the read-back (no offer then). */
async function dueShortcut(turn: Turn): Promise<boolean> {
  try {
    return await turn.deps.shortcuts.dueAfterRelease(turn.principal);
  } catch (error) {
    turn.deps.logger.log('warn', 'shortcut.unavailable', { error: error instanceof Error ? error.name : String(error) });
    return false;
  }
}

/** Reads back what would ship and asks for a yes, or says a release is already running or nothing can be promoted. */
function readBack(turn: Turn, step: Resolved, plan: DeployPlan, changed: boolean): Response {
  const { speech } = turn;
  const { target } = step;
  const pipeline = target.pipeline?.name ?? '';
  if (plan.kind === 'busy') {
    turn.forgetReadBack();
    turn.audit('deploy', 'refused-busy', { runningExecutionId: plan.running.id });
    return turn.say(speech.deployBusy(target, plan.running), { card: executionFact('running', target.pipeline, plan.running) });
  }
  if (plan.kind === 'cannot-promote') {
    turn.forgetReadBack();
    turn.audit('deploy', `refused-promotion-${plan.problem.kind}`);
    return turn.say(speech.cannotPromote(target, pipeline, plan.from, plan.problem));
  }
  turn.rememberReadBack({ action: 'deploy', service: target.service, environment: target.environment, key: plan.key });
  const lead = changed ? 'plan-changed' : undefined;
  const question = plan.promotion
    ? speech.deployConfirmPromotion(target, pipeline, plan.promotion, plan.current, alreadyRuns(plan.promotion, plan.current), lead)
    : speech.deployConfirm(target, pipeline, plan.lastRelease, lead);
  const card = plan.promotion
    ? [...executionFact('ships', target.promoteFrom?.pipeline, plan.promotion.execution), ...executionFact('runs', target.pipeline, plan.current)]
    : executionFact('last', target.pipeline, plan.lastRelease);
  // An Echo Show shows what the read-back says (turn.confirm then asks as a plain question, see there).
  turn.show({
    kind: 'read-back', where: target,
    subject: {
      action: 'deploy', pipeline,
      ships: plan.promotion ? { kind: 'promotion', from: plan.promotion.from, release: plan.promotion.execution } : { kind: 'newest' },
      ...(plan.current ? { current: plan.current } : {}),
      ...(plan.lastRelease ? { lastRelease: plan.lastRelease } : {}),
    },
  });
  return turn.confirm(step.values, question, speech.deployConfirmReprompt(target), { card });
}
