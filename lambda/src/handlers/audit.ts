import type { Target } from '../domain/release';
import type { RequestContext, SkillDeps } from './context';

/**
 * One structured line per decision about production, allowed or refused: who asked, what, where, and how it
 * ended. Ids only; the logger redacts anything that looks like a credential.
 */
export function audit(
  deps: SkillDeps,
  context: RequestContext,
  action: 'deploy' | 'rollback' | 'status' | 'access' | 'lock',
  outcome: string,
  target?: Target,
  fields: Record<string, unknown> = {},
): void {
  deps.logger.log(outcome === 'unknown' ? 'warn' : 'info', `audit.${action}`, {
    userId: context.principal.userId,
    personId: context.principal.personId,
    outcome,
    ...(target ? {
      service: target.service,
      environment: target.environment,
      pipeline: target.pipeline?.name,
      deploymentGroup: target.deploymentGroup && `${target.deploymentGroup.application}/${target.deploymentGroup.deploymentGroup}`,
    } : {}),
    ...fields,
  });
}
