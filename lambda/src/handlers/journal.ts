import type { ReleaseRef } from '../domain/release-journal';
import type { Turn } from '../turn/turn';

/**
 * Records, once AWS has accepted a release, rollback or approval, who started it: the notifier tells them how it
 * ended. The release has started whatever happens here, so a failure to record is logged, never spoken: the answer
 * must still say that it started. Only where notifications are configured: nothing else reads the journal, and the
 * write is one more round trip before the answer.
 */
export async function recordStart(turn: Turn, kind: 'deploy' | 'rollback' | 'approval', ref: ReleaseRef): Promise<void> {
  const target = turn.where;
  const { userId, personId } = turn.principal;
  if (!target || !userId || turn.deps.config.notifications === undefined) return;
  const system = (turn.input.requestEnvelope.context as { System?: { apiEndpoint?: unknown } } | undefined)?.System;
  const locale = (turn.input.requestEnvelope.request as { locale?: unknown }).locale;
  try {
    await turn.deps.journal.recordStarted({
      kind,
      service: target.service,
      environment: target.environment,
      pipeline: target.pipeline?.name,
      ...ref,
      startedBy: { userId, ...(personId ? { personId } : {}) },
      startedAt: turn.deps.now(),
      ...(typeof locale === 'string' ? { locale } : {}),
      ...(typeof system?.apiEndpoint === 'string' ? { apiEndpoint: system.apiEndpoint } : {}),
    });
  } catch (error) {
    turn.deps.logger.log('warn', 'journal.start-not-recorded', { kind, ...ref, error: error instanceof Error ? error.name : String(error) });
  }
}
