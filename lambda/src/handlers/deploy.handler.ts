import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { isOutcomeUnknown } from '../domain/errors';
import { idempotencyToken } from '../domain/ids';
import type { Target } from '../domain/release';
import type { DeployPlan } from '../domain/release-service';
import { joinSsml } from '../speech/ssml';
import { audit } from './audit';
import { requestContext, type SkillDeps } from './context';
import { forgetPending, pendingMatches, pendingOf, rememberPending } from './pending';
import { confirmationStatus, intentOf, isIntent } from './request-shape';
import { confirmIntent, sayAndEnd } from './respond';
import { freezeStep, pinStep, refuseIfBarredWhile } from './release-guards';
import { resolveTarget } from './target-dialog';

/**
 * "Push checkout to prod": resolve the target, refuse while a release runs, read back and ask for a yes, and only
 * on CONFIRMED start the pipeline, with a token derived from the request.
 */
export function deployHandler(deps: SkillDeps): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, 'DeployIntent'),
    async handle(input) {
      const context = requestContext(input);
      const { speech } = context;
      const intent = intentOf(input);
      const step = resolveTarget(input, deps, intent, 'deploy');
      if (step.kind === 'asked') return step.response;
      const { target } = step;
      context.where = target;
      const pipeline = target.pipeline;
      if (!pipeline) return sayAndEnd(input, speech.notConfigured('deploy', target));

      if (confirmationStatus(intent) === 'DENIED') {
        forgetPending(input);
        audit(deps, context, 'deploy', 'denied-by-user', target);
        return sayAndEnd(input, speech.deployDenied(target));
      }

      // What would ship is read while the lock is (a read of the pipeline's history, never a change).
      const checked = await refuseIfBarredWhile(input, deps, target, 'deploy', () => deps.releases.planDeploy(target));
      if (checked.barred) return checked.barred;
      const plan = checked.read;
      const pending = pendingOf(input);
      const freeze = freezeStep(input, deps, target, step.intent, pending, confirmationStatus(intent) === 'CONFIRMED');
      if (freeze.kind === 'respond') return freeze.response;
      if (confirmationStatus(intent) !== 'CONFIRMED' || !pendingMatches(pending, 'deploy', target) || freeze.justOverridden) {
        return readBack(input, deps, step.intent, target, await plan, false);
      }
      const askedForPin = await pinStep(input, deps, target, step.intent, 'deploy');
      if (askedForPin) return askedForPin;

      forgetPending(input);
      try {
        const token = idempotencyToken(input.requestEnvelope.request.requestId, pipeline.name);
        const outcome = await deps.releases.startDeploy(target, token, pending?.key, plan);
        switch (outcome.kind) {
          case 'busy':
            audit(deps, context, 'deploy', 'refused-busy', target, { runningExecutionId: outcome.running.id });
            return sayAndEnd(input, speech.deployBusy(target, outcome.running));
          case 'changed':
            return readBack(input, deps, step.intent, target, outcome.plan, true);
          case 'started':
            audit(deps, context, 'deploy', 'started', target, { executionId: outcome.executionId, awsRequestId: outcome.awsRequestId });
            return sayAndEnd(input, speech.deployStarted(target, pipeline.name, outcome.executionId));
        }
      } catch (error) {
        if (isOutcomeUnknown(error)) {
          audit(deps, context, 'deploy', 'unknown', target, { error: error.code, awsRequestId: error.requestId });
          return sayAndEnd(input, speech.deployOutcomeUnknown(target, pipeline.name));
        }
        throw error;
      }
    },
  };
}

/** Reads back what would ship and asks for a yes, or says a release is already running. */
function readBack(input: HandlerInput, deps: SkillDeps, intent: Intent, target: Target, plan: DeployPlan, changed: boolean): Response {
  const context = requestContext(input);
  const { speech } = context;
  if (plan.kind === 'busy') {
    forgetPending(input);
    audit(deps, context, 'deploy', 'refused-busy', target, { runningExecutionId: plan.running.id });
    return sayAndEnd(input, speech.deployBusy(target, plan.running));
  }
  rememberPending(input, { action: 'deploy', service: target.service, environment: target.environment, key: plan.key });
  const question = speech.deployConfirm(target, target.pipeline?.name ?? '', plan.lastRelease);
  return confirmIntent(input, intent, changed ? joinSsml([speech.planChanged(), question]) : question, speech.deployConfirmReprompt(target));
}
