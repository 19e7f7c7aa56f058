import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { isOutcomeUnknown } from '../domain/errors';
import type { Target } from '../domain/release';
import { planKey, undoesARollback, type RollbackPlan } from '../domain/rollback';
import { joinSsml } from '../speech/ssml';
import { audit } from './audit';
import { requestContext, type SkillDeps } from './context';
import { forgetPending, pendingMatches, pendingOf, rememberPending } from './pending';
import { confirmationStatus, intentOf, isIntent } from './request-shape';
import { confirmIntent, sayAndEnd } from './respond';
import { pinStep, refuseIfBarred } from './release-guards';
import { resolveTarget } from './target-dialog';

/**
 * "Roll back checkout": stop the deployment in progress, or redeploy the last revision that succeeded before the
 * current one (or RollbackStage, where the config names a stage). Always read back and wait for CONFIRMED.
 */
export function rollbackHandler(deps: SkillDeps): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, 'RollbackIntent'),
    async handle(input) {
      const context = requestContext(input);
      const { speech } = context;
      const intent = intentOf(input);
      const step = resolveTarget(input, deps, intent, 'rollback');
      if (step.kind === 'asked') return step.response;
      const { target } = step;
      context.where = target;
      if (!target.deploymentGroup && !(target.rollbackStage && target.pipeline)) {
        return sayAndEnd(input, speech.notConfigured('rollback', target));
      }

      if (confirmationStatus(intent) === 'DENIED') {
        forgetPending(input);
        audit(deps, context, 'rollback', 'denied-by-user', target);
        return sayAndEnd(input, speech.rollbackDenied(target));
      }

      const barred = await refuseIfBarred(input, deps, target, 'rollback');
      if (barred) return barred;
      const pending = pendingOf(input);
      if (confirmationStatus(intent) !== 'CONFIRMED' || !pendingMatches(pending, 'rollback', target)) {
        return readBack(input, deps, step.intent, target, await deps.releases.planRollback(target), false);
      }
      let readBackKey = pending?.key;
      if (pending === undefined) {
        // A yes that arrives without the read-back in the session (Alexa's own confirmation, a one-shot request):
        // a plan that undoes a rollback must still be heard, and get its second yes, before anything happens.
        const plan = await deps.releases.planRollback(target);
        if (plan.kind !== 'nothing' && undoesARollback(plan)) return readBack(input, deps, step.intent, target, plan, false);
        readBackKey = planKey(plan);
      }
      if (pending?.needsSecondYes && !pending.firstYesGiven) {
        // Undoing a rollback puts back what someone already judged bad: one more explicit yes.
        rememberPending(input, { ...pending, firstYesGiven: true });
        const question = speech.undoRollbackQuestion(target);
        return confirmIntent(input, step.intent, question, question);
      }
      const askedForPin = await pinStep(input, deps, target, step.intent, 'rollback');
      if (askedForPin) return askedForPin;

      forgetPending(input);
      try {
        const outcome = await deps.releases.rollback(target, readBackKey);
        switch (outcome.kind) {
          case 'changed':
            return readBack(input, deps, step.intent, target, outcome.plan, true);
          case 'busy':
            audit(deps, context, 'rollback', 'refused-busy', target, { runningDeploymentId: outcome.running.id });
            return sayAndEnd(input, speech.rollbackBusy(target, outcome.running));
          case 'stopping':
            audit(deps, context, 'rollback', 'stopped-deployment', target, { deploymentId: outcome.deployment.id, status: outcome.status, awsRequestId: outcome.awsRequestId });
            return sayAndEnd(input, speech.rollbackStopping(target, outcome.deployment, outcome.status));
          case 'redeploying':
            audit(deps, context, 'rollback', 'redeployed', target, { deploymentId: outcome.deploymentId, targetDeploymentId: outcome.target.id, awsRequestId: outcome.awsRequestId });
            return sayAndEnd(input, speech.rollbackRedeploying(target, outcome.deploymentId, outcome.target));
          case 'rolling-back-stage':
            audit(deps, context, 'rollback', 'rolled-back-stage', target, { executionId: outcome.executionId, targetExecutionId: outcome.target.id, awsRequestId: outcome.awsRequestId });
            return sayAndEnd(input, speech.rollbackStageStarted(target, target.rollbackStage ?? '', outcome.executionId, outcome.target));
        }
      } catch (error) {
        if (isOutcomeUnknown(error)) {
          audit(deps, context, 'rollback', 'unknown', target, { error: error.code, awsRequestId: error.requestId });
          return sayAndEnd(input, speech.rollbackOutcomeUnknown(target));
        }
        throw error;
      }
    },
  };
}

/** Reads back what a rollback would do and asks for a yes, or says there is nothing to roll back to. */
function readBack(input: HandlerInput, deps: SkillDeps, intent: Intent, target: Target, plan: RollbackPlan, changed: boolean): Response {
  const context = requestContext(input);
  const { speech } = context;
  if (plan.kind === 'nothing') {
    forgetPending(input);
    audit(deps, context, 'rollback', `refused-${plan.reason}`, target);
    return sayAndEnd(input, speech.rollbackNothing(target, plan.reason));
  }
  rememberPending(input, { action: 'rollback', service: target.service, environment: target.environment, key: planKey(plan), needsSecondYes: undoesARollback(plan) });
  const question = plan.kind === 'stop-deployment'
    ? speech.rollbackConfirmStop(target, plan.deployment)
    : plan.kind === 'redeploy'
      ? speech.rollbackConfirmRedeploy(target, plan.current, plan.target, undoesARollback(plan))
      : speech.rollbackConfirmStage(target, plan.stage, plan.current, plan.target, undoesARollback(plan));
  return confirmIntent(input, intent, changed ? joinSsml([speech.planChanged(), question]) : question, speech.rollbackConfirmReprompt(target));
}
