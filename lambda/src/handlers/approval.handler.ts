import type { Response } from 'ask-sdk-model';
import { approvalSummary, type ApprovalPlan } from '../domain/approval';
import { consentTo } from '../domain/consent';
import { isOutcomeUnknown } from '../domain/errors';
import { FREEZE_OVERRIDE_KEY, overrideMarker } from '../domain/release-policy';
import type { PendingApproval, PipelineRef } from '../domain/release';
import type { ApprovalAction, ReadBackLead } from '../speech/messages';
import { executionFact, type CardFact } from '../speech/cards';
import type { Turn } from '../turn/turn';
import { refusal, releaseCodeStep } from './gates';
import { recordStart } from './journal';
import { resolveTarget, type TargetStep } from './target';

type Resolved = Extract<TargetStep, { kind: 'target' }>;

/** "Approve the checkout release to prod": answers the pipeline's waiting manual approval with Approved. */
export const approve = (turn: Turn): Promise<Response> => answer(turn, 'approve');

/** "Reject it": answers the pipeline's waiting manual approval with Rejected, which stops that release. */
export const reject = (turn: Turn): Promise<Response> => answer(turn, 'reject');

/**
 * Finds the manual approval the pipeline waits on, reads it back (where, since when, what it asks, what it lets
 * through) and asks for a yes; answers it only on a yes to exactly that read-back, and only while that very request
 * still waits. Permission, lock and release code hold as for a deploy; the freeze holds for an approval, which lets a
 * release ship, and not for a rejection, which stops one (as a rollback is never frozen).
 */
async function answer(turn: Turn, action: ApprovalAction): Promise<Response> {
  const { speech, principal, deps: { policy, releases } } = turn;
  const step = resolveTarget(turn, action, (service) => onlyEnvironmentWithApprovals(turn, service));
  if (step.kind === 'asked') return step.response;
  const { target } = step;
  turn.where = target;
  const pipeline = target.pipeline;
  if (!pipeline || !target.approvals) return turn.say(speech.notConfigured(action, target));

  const consent = consentTo(action, target, { confirmation: turn.confirmation, targetSaid: step.said }, turn.readBack());
  if (consent.kind === 'denied') {
    turn.forgetReadBack();
    turn.audit(action, 'denied-by-user');
    return turn.say(speech.approvalDenied(target, action));
  }

  // What waits for an answer is read while the lock is (reads of the pipeline, never a change).
  const checked = await policy.barrierWhile(principal, target.environment, () => releases.planApproval(target));
  if (checked.kind !== 'clear') return refusal(turn, action, target.environment, checked);
  const plan = checked.read;

  if (action === 'approve') {
    const freeze = policy.freeze(principal, target, { overriddenFor: turn.freezeOverride(), readBack: turn.readBack(), confirmed: turn.confirmation === 'CONFIRMED' }, 'approve');
    switch (freeze.kind) {
      case 'frozen':
        turn.audit(action, 'refused-frozen', { freeze: freeze.freeze.reason });
        return turn.say(speech.frozen(target.environment, freeze.freeze.reason));
      case 'override-offered': {
        turn.rememberReadBack({ action, service: target.service, environment: target.environment, key: FREEZE_OVERRIDE_KEY });
        const question = speech.freezeOverrideQuestion(target.environment, freeze.freeze.reason);
        return turn.confirm(step.values, question, question);
      }
      case 'overridden-now':
        turn.rememberFreezeOverride(overrideMarker(target));
        turn.audit(action, 'freeze-overridden', { freeze: freeze.freeze.reason });
        return readBack(turn, step, action, await plan);
      case 'open':
      case 'overridden':
        break;
    }
  }

  if (consent.kind !== 'given' || consent.readBack.key === FREEZE_OVERRIDE_KEY) return readBack(turn, step, action, await plan);
  const askedForCode = await releaseCodeStep(turn, action, step.values);
  if (askedForCode) return askedForCode;

  turn.forgetReadBack();
  const decision = action === 'approve' ? 'Approved' : 'Rejected';
  try {
    const outcome = await releases.answerApproval(target, decision, consent.readBack.key, approvalSummary(decision, policy.nameOf(principal)), plan);
    switch (outcome.kind) {
      case 'gone':
        turn.audit(action, 'refused-not-pending');
        // Another approval may wait now: it is read back, never answered with this yes.
        return outcome.next.kind === 'none' ? turn.say(speech.approvalGone()) : readBack(turn, step, action, outcome.next, 'approval-gone');
      case 'answered':
        turn.audit(action, 'answered', {
          stage: outcome.approval.stage, approvalAction: outcome.approval.action, executionId: outcome.approval.executionId,
          approvedAt: outcome.approvedAt?.toISOString(), awsRequestId: outcome.awsRequestId,
        });
        // An approved release goes on: the person who let it through hears how it ends. A rejection ends it here.
        if (action === 'approve' && outcome.approval.executionId !== undefined) {
          await recordStart(turn, 'approval', { executionId: outcome.approval.executionId });
        }
        return turn.say(speech.approvalAnswered(target, action, pipeline.name, outcome.approval), { card: approvalFacts(pipeline, outcome.approval) });
    }
  } catch (error) {
    if (isOutcomeUnknown(error)) {
      turn.audit(action, 'unknown', { error: error.code, awsRequestId: error.requestId });
      return turn.say(speech.approvalOutcomeUnknown(target, action, pipeline.name));
    }
    throw error;
  }
}

/** Reads back the approval waiting and asks for a yes, or says that none waits; `lead` says why it is asked again. */
function readBack(turn: Turn, step: Resolved, action: ApprovalAction, plan: ApprovalPlan, lead?: ReadBackLead): Response {
  const { speech } = turn;
  const { target } = step;
  const pipeline = target.pipeline?.name ?? '';
  if (plan.kind === 'none') {
    turn.forgetReadBack();
    turn.audit(action, 'refused-none-pending');
    return turn.say(speech.approvalNone(target, action, pipeline));
  }
  turn.rememberReadBack({ action, service: target.service, environment: target.environment, key: plan.key });
  const question = speech.approvalConfirm(target, action, pipeline, plan.approval, plan.release, lead);
  const card = [...(target.pipeline ? approvalFacts(target.pipeline, plan.approval) : []), ...executionFact('waiting', target.pipeline, plan.release)];
  turn.show({
    kind: 'read-back', where: target,
    subject: { action, pipeline, approval: plan.approval, ...(plan.release ? { release: plan.release } : {}) },
  });
  return turn.confirm(step.values, question, speech.approvalConfirmReprompt(target, action), { card });
}

/** The approval on the card: stage, action, what it asks, since when, the execution it holds (linked). */
function approvalFacts(pipeline: PipelineRef, approval: PendingApproval): CardFact[] {
  return [{ kind: 'approval', pipeline, approval }];
}

/** "Reject it" means the one environment of the service whose approvals the skill answers, when there is one. */
function onlyEnvironmentWithApprovals(turn: Turn, service: string): string | undefined {
  const { catalog } = turn.deps;
  const answerable = catalog.environmentKeys(service).filter((environment) => catalog.target(service, environment).approvals !== undefined);
  return answerable.length === 1 ? answerable[0] : undefined;
}
