import type { RequestHandler } from 'ask-sdk-core';
import { principalKey } from '../domain/access';
import { requestContext, type SkillDeps } from './context';
import { nameOf } from './release-guards';
import { intentOf, isIntent } from './request-shape';
import { sayAndEnd } from './respond';
import { resolveTarget } from './target-dialog';

/** "What's the status of prod?": the latest execution and its stage, and the latest deployment, in two sentences. */
export function statusHandler(deps: SkillDeps): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, 'StatusIntent'),
    async handle(input) {
      const context = requestContext(input);
      const step = resolveTarget(input, deps, intentOf(input), 'status');
      if (step.kind === 'asked') return step.response;
      const { target } = step;
      context.where = target;
      const [report, lock] = await Promise.all([deps.releases.status(target), deps.locks.current(target.environment)]);
      const running = report.latestExecution;
      const stages = report.state?.stages ?? [];
      const stage = stages.find((s) => s.executionId === running?.id && s.status === 'InProgress')
        ?? stages.find((s) => s.status === 'InProgress');
      return sayAndEnd(input, context.speech.status(target, {
        latestExecution: report.latestExecution,
        stage,
        latestDeployment: report.latestDeployment,
        hasPipeline: target.pipeline !== undefined,
        hasDeploymentGroup: target.deploymentGroup !== undefined,
        lock: lock && { holder: nameOf(deps, lock.holder), since: lock.since, yours: principalKey(lock.holder) === principalKey(context.principal) },
      }));
    },
  };
}
