import type { Response } from 'ask-sdk-model';
import { consentTo } from '../domain/consent';
import { isOutcomeUnknown } from '../domain/errors';
import { planKey, undoesARollback, type RollbackPlan } from '../domain/rollback';
import { deploymentFact, executionFact } from '../speech/cards';
import type { Turn } from '../turn/turn';
import { refusal, releaseCodeStep } from './gates';
import { recordStart } from './journal';
import { resolveTarget, type TargetStep } from './target';

type Resolved = Extract<TargetStep, { kind: 'target' }>;

/**
 * "Roll back checkout": stop the deployment in progress, or redeploy the last revision that succeeded before the
 * current one (or RollbackStage, where the config names a stage). Always read back, and act only on a yes to exactly
 * that read-back; undoing a rollback takes a second yes.
 */
export async function rollback(turn: Turn): Promise<Response> {
  const { speech, principal, deps: { policy, releases } } = turn;
  const step = resolveTarget(turn, 'rollback');
  if (step.kind === 'asked') return step.response;
  const { target } = step;
  turn.where = target;
  if (!target.deploymentGroup && !(target.rollbackStage && target.pipeline)) {
    return turn.say(speech.notConfigured('rollback', target));
  }

  const consent = consentTo('rollback', target, { confirmation: turn.confirmation, targetSaid: step.said }, turn.readBack());
  if (consent.kind === 'denied') {
    turn.forgetReadBack();
    turn.audit('rollback', 'denied-by-user');
    return turn.say(speech.rollbackDenied(target));
  }

  // A read-back says when the revision it puts back was deployed.
  if (consent.kind !== 'given') turn.willSayTimes();
  const barrier = await policy.barrier(principal, target.environment);
  if (barrier.kind !== 'clear') return refusal(turn, 'rollback', target.environment, barrier);
  if (consent.kind !== 'given') return readBack(turn, step, await turn.whileSlow(speech.checkingRollback(target), () => releases.planRollback(target)), false);

  const { readBack: heard } = consent;
  if (heard.needsSecondYes && !heard.firstYesGiven) {
    // Undoing a rollback puts back what someone already judged bad: one more explicit yes.
    turn.rememberReadBack({ ...heard, firstYesGiven: true });
    const question = speech.undoRollbackQuestion(target);
    return turn.confirm(step.values, question, question);
  }
  const askedForCode = await releaseCodeStep(turn, 'rollback', step.values);
  if (askedForCode) return askedForCode;

  turn.forgetReadBack();
  try {
    const outcome = await releases.rollback(target, heard.key);
    switch (outcome.kind) {
      case 'changed':
        return readBack(turn, step, outcome.plan, true);
      case 'busy':
        turn.audit('rollback', 'refused-busy', { runningDeploymentId: outcome.running.id });
        return turn.say(speech.rollbackBusy(target, outcome.running), { card: deploymentFact('running', target.deploymentGroup, outcome.running) });
      case 'stopping':
        turn.audit('rollback', 'stopped-deployment', { deploymentId: outcome.deployment.id, status: outcome.status, awsRequestId: outcome.awsRequestId });
        return turn.say(speech.rollbackStopping(target, outcome.deployment, outcome.status), { card: deploymentFact('stopping', target.deploymentGroup, outcome.deployment) });
      case 'redeploying':
        turn.audit('rollback', 'redeployed', { deploymentId: outcome.deploymentId, targetDeploymentId: outcome.target.id, awsRequestId: outcome.awsRequestId });
        await recordStart(turn, 'rollback', { deploymentId: outcome.deploymentId });
        return turn.say(speech.rollbackRedeploying(target, outcome.deploymentId, outcome.target), {
          card: [...deploymentFact('started', target.deploymentGroup, { id: outcome.deploymentId }), ...deploymentFact('rolls-back-to', target.deploymentGroup, outcome.target)],
        });
      case 'rolling-back-stage':
        turn.audit('rollback', 'rolled-back-stage', { executionId: outcome.executionId, targetExecutionId: outcome.target.id, awsRequestId: outcome.awsRequestId });
        await recordStart(turn, 'rollback', { executionId: outcome.executionId });
        return turn.say(speech.rollbackStageStarted(target, target.rollbackStage ?? '', outcome.executionId, outcome.target), {
          card: [...executionFact('started', target.pipeline, { id: outcome.executionId }), ...executionFact('rolls-back-to', target.pipeline, outcome.target)],
        });
    }
  } catch (error) {
    if (isOutcomeUnknown(error)) {
      turn.audit('rollback', 'unknown', { error: error.code, awsRequestId: error.requestId });
      return turn.say(speech.rollbackOutcomeUnknown(target));
    }
    throw error;
  }
}

/** Reads back what a rollback would do and asks for a yes, or says there is nothing to roll back to. */
function readBack(turn: Turn, step: Resolved, plan: RollbackPlan, changed: boolean): Response {
  const { speech } = turn;
  const { target } = step;
  if (plan.kind === 'nothing') {
    turn.forgetReadBack();
    turn.audit('rollback', `refused-${plan.reason}`);
    return turn.say(speech.rollbackNothing(target, plan.reason));
  }
  turn.rememberReadBack({ action: 'rollback', service: target.service, environment: target.environment, key: planKey(plan), needsSecondYes: undoesARollback(plan) });
  const lead = changed ? 'plan-changed' : undefined;
  const group = target.deploymentGroup;
  const [question, card] = plan.kind === 'stop-deployment'
    ? [speech.rollbackConfirmStop(target, plan.deployment, lead), deploymentFact('stopping', group, plan.deployment)]
    : plan.kind === 'redeploy'
      ? [speech.rollbackConfirmRedeploy(target, plan.current, plan.target, undoesARollback(plan), lead),
        [...deploymentFact('runs', group, plan.current), ...deploymentFact('rolls-back-to', group, plan.target)]]
      : [speech.rollbackConfirmStage(target, plan.stage, plan.current, plan.target, undoesARollback(plan), lead),
        [...executionFact('runs', target.pipeline, plan.current), ...executionFact('rolls-back-to', target.pipeline, plan.target)]];
  turn.show({ kind: 'read-back', where: target, subject: { action: 'rollback', plan } });
  return turn.confirm(step.values, question, speech.rollbackConfirmReprompt(target), { card });
}
