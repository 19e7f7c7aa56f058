import type { Response } from 'ask-sdk-model';
import { consentTo } from '../domain/consent';
import { isOutcomeUnknown } from '../domain/errors';
import { idempotencyToken } from '../domain/ids';
import { FREEZE_OVERRIDE_KEY, overrideMarker } from '../domain/release-policy';
import type { DeployPlan } from '../domain/release-service';
import { joinSsml } from '../speech/ssml';
import type { Turn } from '../turn/turn';
import { refusal, releaseCodeStep } from './gates';
import { recordStart } from './journal';
import { afterRelease, readOffers } from './shortcut.handler';
import { resolveTarget, type TargetStep } from './target';

type Resolved = Extract<TargetStep, { kind: 'target' }>;

/**
 * "Push checkout to prod": resolve the target, refuse while a release runs, read back and ask for a yes, and start
 * the pipeline only on a yes to exactly that read-back, with a token derived from the request.
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

  // What would ship is read while the lock is (a read of the pipeline's history, never a change).
  const checked = await policy.barrierWhile(principal, target.environment, () => turn.whileSlow(speech.checkingPipeline(target), () => releases.planDeploy(target)));
  if (checked.kind !== 'clear') return refusal(turn, 'deploy', target.environment, checked);
  const plan = checked.read;

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
      return readBack(turn, step, await plan, false);
    case 'open':
    case 'overridden':
      break;
  }

  if (consent.kind !== 'given' || consent.readBack.key === FREEZE_OVERRIDE_KEY) return readBack(turn, step, await plan, false);
  const askedForCode = await releaseCodeStep(turn, 'deploy', step.values);
  if (askedForCode) return askedForCode;

  turn.forgetReadBack();
  try {
    const offers = readOffers(turn);
    const token = idempotencyToken(turn.requestId, pipeline.name);
    const outcome = await releases.startDeploy(target, token, consent.readBack.key, plan);
    switch (outcome.kind) {
      case 'busy':
        turn.audit('deploy', 'refused-busy', { runningExecutionId: outcome.running.id });
        return turn.say(speech.deployBusy(target, outcome.running));
      case 'changed':
        return readBack(turn, step, outcome.plan, true);
      case 'started':
        turn.audit('deploy', 'started', { executionId: outcome.executionId, awsRequestId: outcome.awsRequestId });
        await recordStart(turn, 'deploy', { executionId: outcome.executionId });
        return afterRelease(turn, speech.deployStarted(target, pipeline.name, outcome.executionId), offers);
    }
  } catch (error) {
    if (isOutcomeUnknown(error)) {
      turn.audit('deploy', 'unknown', { error: error.code, awsRequestId: error.requestId });
      return turn.say(speech.deployOutcomeUnknown(target, pipeline.name));
    }
    throw error;
  }
}

/** Reads back what would ship and asks for a yes, or says a release is already running. */
function readBack(turn: Turn, step: Resolved, plan: DeployPlan, changed: boolean): Response {
  const { speech } = turn;
  const { target } = step;
  if (plan.kind === 'busy') {
    turn.forgetReadBack();
    turn.audit('deploy', 'refused-busy', { runningExecutionId: plan.running.id });
    return turn.say(speech.deployBusy(target, plan.running));
  }
  turn.rememberReadBack({ action: 'deploy', service: target.service, environment: target.environment, key: plan.key });
  const question = speech.deployConfirm(target, target.pipeline?.name ?? '', plan.lastRelease);
  return turn.confirm(step.values, changed ? joinSsml([speech.planChanged(), question]) : question, speech.deployConfirmReprompt(target));
}
