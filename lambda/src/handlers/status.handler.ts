import type { Response } from 'ask-sdk-model';
import { principalKey } from '../domain/access';
import { deploymentFact, executionFact } from '../speech/cards';
import type { Turn } from '../turn/turn';
import { resolveTarget } from './target';

/**
 * "What's the status of prod?": the latest execution and its stage, and the latest deployment, in two sentences; a
 * lock; and, for an environment with alarms, any that fire, with the way out (roll back). An Echo Show also shows every
 * stage of the pipeline with its state, and what the latest release ships, who started it and when.
 */
export async function status(turn: Turn): Promise<Response> {
  const { deps: { releases, policy } } = turn;
  const step = resolveTarget(turn, 'status');
  if (step.kind === 'asked') return step.response;
  const { target } = step;
  turn.where = target;
  turn.willSayTimes();
  const [report, lock] = await turn.whileSlow(turn.speech.checkingPipeline(target), () => Promise.all([releases.status(target), policy.currentLock(target.environment)]));
  const running = report.latestExecution;
  const stages = report.state?.stages ?? [];
  const stage = stages.find((s) => s.executionId === running?.id && s.status === 'InProgress')
    ?? stages.find((s) => s.status === 'InProgress');
  turn.show({ kind: 'status', where: target, stages, latestExecution: report.latestExecution, latestDeployment: report.latestDeployment });
  return turn.say(turn.speech.status(target, {
    latestExecution: report.latestExecution,
    stage,
    latestDeployment: report.latestDeployment,
    hasPipeline: target.pipeline !== undefined,
    hasDeploymentGroup: target.deploymentGroup !== undefined,
    lock: lock && { holder: policy.nameOf(lock.holder), since: lock.since, yours: principalKey(lock.holder) === principalKey(turn.principal) },
    ...(report.alarms ? { alarms: report.alarms } : {}),
  }), { card: [...executionFact('latest', target.pipeline, report.latestExecution), ...deploymentFact('latest', target.deploymentGroup, report.latestDeployment)] });
}
