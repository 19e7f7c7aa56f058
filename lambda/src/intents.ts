import type { Response } from 'ask-sdk-model';
import type { ConsentAction } from './domain/consent';
import { approve, reject } from './handlers/approval.handler';
import { fallback, help, no, stop, yes } from './handlers/conversation.handlers';
import { deploy } from './handlers/deploy.handler';
import { lock, unlock } from './handlers/lock.handler';
import { preview } from './handlers/preview.handler';
import { report } from './handlers/report.handler';
import { rollback } from './handlers/rollback.handler';
import { shortcut } from './handlers/shortcut.handler';
import { status } from './handlers/status.handler';
import type { Turn } from './turn/turn';

/** What an intent's handler is: a turn in, an answer out. */
export type IntentHandler = (turn: Turn) => Response | Promise<Response>;

/** One intent the skill answers, declared once: the chain, the access guard and CanFulfill all read this row. */
export interface IntentSpec {
  readonly name: string;
  readonly handle: IntentHandler;
  /** `open` intents answer anyone; every other intent (and any intent not in the table) needs the allowlist. */
  readonly access: 'open' | 'guarded';
  /** Offered to Alexa's name-free requests (CanFulfillIntentRequest). */
  readonly canFulfill: boolean;
  /** The slots the interaction model gives the intent: exactly what a Dialog directive may send back. */
  readonly slots: readonly string[];
  /**
   * What a yes to this intent's read-back consents to. Only these intents may be asked about as a plain question on
   * a screen, whose yes (AMAZON.YesIntent) is then answered by this intent's handler (screen-answer.handler.ts).
   */
  readonly consent?: ConsentAction;
}

const TARGET_SLOTS = ['service', 'environment'] as const;
const GUARDED_ACTION_SLOTS = [...TARGET_SLOTS, 'pin'] as const;

/**
 * Every intent of the interaction model, in one table. Adding a guarded intent means: a row here, a handler, samples
 * in the model, sentences in each locale. A test holds this table and the model's intents and slots in step.
 */
export const INTENTS: readonly IntentSpec[] = [
  { name: 'DeployIntent', handle: deploy, access: 'guarded', canFulfill: true, slots: GUARDED_ACTION_SLOTS, consent: 'deploy' },
  { name: 'RollbackIntent', handle: rollback, access: 'guarded', canFulfill: true, slots: GUARDED_ACTION_SLOTS, consent: 'rollback' },
  // "Approve it" is too generic to offer to Alexa's name-free routing.
  { name: 'ApproveIntent', handle: approve, access: 'guarded', canFulfill: false, slots: GUARDED_ACTION_SLOTS, consent: 'approve' },
  { name: 'RejectIntent', handle: reject, access: 'guarded', canFulfill: false, slots: GUARDED_ACTION_SLOTS, consent: 'reject' },
  { name: 'StatusIntent', handle: status, access: 'guarded', canFulfill: true, slots: TARGET_SLOTS },
  { name: 'PreviewIntent', handle: preview, access: 'guarded', canFulfill: true, slots: TARGET_SLOTS },
  { name: 'LockIntent', handle: lock, access: 'guarded', canFulfill: false, slots: ['environment'] },
  { name: 'UnlockIntent', handle: unlock, access: 'guarded', canFulfill: false, slots: ['environment'] },
  { name: 'ReportIntent', handle: report, access: 'guarded', canFulfill: false, slots: [...TARGET_SLOTS, 'period', 'duration'] },
  { name: 'ShortcutIntent', handle: shortcut, access: 'guarded', canFulfill: false, slots: [] },
  { name: 'AMAZON.HelpIntent', handle: help, access: 'open', canFulfill: false, slots: [] },
  { name: 'AMAZON.StopIntent', handle: stop, access: 'open', canFulfill: false, slots: [] },
  { name: 'AMAZON.CancelIntent', handle: stop, access: 'open', canFulfill: false, slots: [] },
  { name: 'AMAZON.NavigateHomeIntent', handle: stop, access: 'open', canFulfill: false, slots: [] },
  { name: 'AMAZON.YesIntent', handle: yes, access: 'open', canFulfill: false, slots: [] },
  { name: 'AMAZON.NoIntent', handle: no, access: 'open', canFulfill: false, slots: [] },
  { name: 'AMAZON.FallbackIntent', handle: fallback, access: 'open', canFulfill: false, slots: [] },
];
