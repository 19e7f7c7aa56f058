import type { Response } from 'ask-sdk-model';
import { principalKey } from '../domain/access';
import { alreadyRuns } from '../domain/promotion';
import type { PreviewGate, PreviewSpeech } from '../speech/messages';
import { executionFact } from '../speech/cards';
import type { Turn } from '../turn/turn';
import { resolveTarget } from './target';

/**
 * "What would ship to prod?": what runs in the environment now, what a deploy would ship, and every gate that would
 * stop it (permission, lock, freeze, alarms, bake time, a running release, a manual approval that waits). Reads
 * only: it asks the policy what it would decide, as if this were a deploy with no override given, and changes
 * nothing, not even the session. An Echo Show also shows what would ship, from where, and how to ship it, in the
 * same layout as the deploy's own read-back there.
 */
export async function preview(turn: Turn): Promise<Response> {
  const { speech, principal, deps: { policy, releases } } = turn;
  const step = resolveTarget(turn, 'preview');
  if (step.kind === 'asked') return step.response;
  const { target } = step;
  turn.where = target;
  const pipeline = target.pipeline;
  if (!pipeline) return turn.say(speech.notConfigured('preview', target));

  const [reading, lock] = await Promise.all([releases.preview(target), policy.currentLock(target.environment)]);
  const asIfDeploying = { overrides: turn.gateOverrides(), confirmed: false };
  const gates: PreviewGate[] = [];
  if (!policy.mayChange(principal, target.environment)) gates.push({ kind: 'not-allowed' });
  if (lock && principalKey(lock.holder) !== principalKey(principal)) gates.push({ kind: 'locked', holder: policy.nameOf(lock.holder), since: lock.since });
  const freeze = policy.freeze(principal, target, { overriddenFor: turn.freezeOverride(), confirmed: false });
  if (freeze.kind === 'frozen' || freeze.kind === 'override-offered') gates.push({ kind: 'frozen', reason: freeze.freeze.reason, overridable: true });
  const alarms = policy.alarms(principal, target, reading.alarms, asIfDeploying);
  if (alarms.kind === 'missing') gates.push({ kind: 'alarms-missing', names: alarms.names });
  if (alarms.kind === 'firing' || alarms.kind === 'override-offered') gates.push({ kind: 'alarms', alarms: alarms.alarms, overridable: true });
  const promotion = reading.promotion !== undefined && 'revisions' in reading.promotion ? reading.promotion : undefined;
  const bake = policy.bake(principal, target, promotion, asIfDeploying);
  if (bake.kind === 'baking' || bake.kind === 'override-offered') gates.push({ kind: 'baking', minutesLeft: bake.minutesLeft, from: bake.promotion.from, overridable: true });
  if (reading.running) gates.push({ kind: 'running', execution: reading.running });
  const approval = reading.waitingApproval;
  if (approval?.waitingApproval) gates.push({ kind: 'approval', stage: approval.name, action: approval.waitingApproval.action, since: approval.waitingApproval.since });

  const ships: PreviewSpeech['ships'] = promotion
    ? { kind: 'promotion', promotion, alreadyRuns: alreadyRuns(promotion, reading.current) }
    : reading.promotion !== undefined && 'problem' in reading.promotion
      ? { kind: 'cannot-promote', from: reading.promotion.from, problem: reading.promotion.problem }
      : { kind: 'newest', lastRelease: reading.lastRelease };
  turn.show({
    kind: 'ships', where: target, current: reading.current, clear: gates.length === 0,
    ships: ships.kind === 'promotion' ? { kind: 'promotion', from: ships.promotion.from, release: ships.promotion.execution } : { kind: ships.kind === 'newest' ? 'newest' : 'nothing' },
  });
  return turn.say(speech.preview(target, { pipeline: pipeline.name, current: reading.current, ships, gates }), {
    card: [
      ...executionFact('runs', pipeline, reading.current),
      ...(promotion ? executionFact('ships', target.promoteFrom?.pipeline, promotion.execution) : executionFact('last', pipeline, reading.lastRelease)),
      ...executionFact('running', pipeline, reading.running),
    ],
  });
}
