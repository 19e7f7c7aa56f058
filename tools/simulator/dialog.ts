import type { dialog, DialogState, Directive, Intent, IntentConfirmationStatus, Response } from 'ask-sdk-model';
import { builtInPhrasings } from './builtins';
import { findDialogIntent, promptVariation, type InteractionModel } from './model';
import { normalise } from './text';
import { ssmlToCaption } from './transcript';

/**
 * What Alexa waits for after the skill's last response. `delegated` marks a step Alexa asked for itself from the
 * dialog model (after Dialog.Delegate or under auto-delegation), rather than one the skill asked for.
 */
export type PendingStep =
  | { readonly kind: 'elicit'; readonly intent: Intent; readonly slot: string; readonly delegated: boolean }
  | { readonly kind: 'confirm-slot'; readonly intent: Intent; readonly slot: string; readonly delegated: boolean }
  | { readonly kind: 'confirm-intent'; readonly intent: Intent; readonly delegated: boolean };

/** The next thing Alexa does for a delegated dialog, decided from the dialog model. */
export type DelegatedStep =
  | { readonly kind: 'complete'; readonly intent: Intent }
  | { readonly kind: 'ask'; readonly step: PendingStep; readonly prompt: string | undefined };

/**
 * The dialogState that follows an answer to a confirmation. Alexa's docs and PLATFORM.md agree that a denied intent
 * arrives with COMPLETED (the dialog is over, nothing more to collect), which is exactly the trap a skill must not
 * fall into: COMPLETED does not mean "go". A confirmed intent arrives IN_PROGRESS: under SKILL_RESPONSE the skill
 * still owns the dialog and may delegate once more to get COMPLETED. Slot confirmations always continue IN_PROGRESS.
 */
export function dialogStateAfterConfirmation(status: IntentConfirmationStatus): DialogState {
  return status === 'DENIED' ? 'COMPLETED' : 'IN_PROGRESS';
}

const DIALOG_STEPS = new Set(['Dialog.Delegate', 'Dialog.ElicitSlot', 'Dialog.ConfirmSlot', 'Dialog.ConfirmIntent']);

/** The directive of a response that says what the dialog does next, if any (a response may carry only one). */
export function dialogDirective(response: Response): Directive | undefined {
  return response.directives?.find((d) => DIALOG_STEPS.has(d.type));
}

/** The step a skill's ElicitSlot / ConfirmSlot / ConfirmIntent asks for; `current` is the intent last sent. */
export function stepFromDirective(directive: Directive, current: Intent): PendingStep | undefined {
  switch (directive.type) {
    case 'Dialog.ElicitSlot': {
      const d = directive as dialog.ElicitSlotDirective;
      return { kind: 'elicit', intent: d.updatedIntent ?? current, slot: d.slotToElicit, delegated: false };
    }
    case 'Dialog.ConfirmSlot': {
      const d = directive as dialog.ConfirmSlotDirective;
      return { kind: 'confirm-slot', intent: d.updatedIntent ?? current, slot: d.slotToConfirm, delegated: false };
    }
    case 'Dialog.ConfirmIntent': {
      const d = directive as dialog.ConfirmIntentDirective;
      return { kind: 'confirm-intent', intent: d.updatedIntent ?? current, delegated: false };
    }
    default:
      return undefined;
  }
}

/**
 * What Alexa does with a delegated intent, in the dialog model's order: elicit the first required slot that is
 * empty, confirm the first slot that needs confirming, confirm the intent, else hand the skill a COMPLETED intent.
 * A slot the user denied is asked for again. Slot validations are not simulated.
 */
export function planDelegation(model: InteractionModel, intent: Intent): DelegatedStep {
  const dialogIntent = findDialogIntent(model, intent.name);
  for (const slot of dialogIntent?.slots ?? []) {
    const current = intent.slots?.[slot.name];
    const empty = current?.value === undefined || current.confirmationStatus === 'DENIED';
    if (slot.elicitationRequired && empty) {
      const cleared = withSlot(intent, slot.name, { name: slot.name, confirmationStatus: 'NONE' });
      return { kind: 'ask', step: { kind: 'elicit', intent: cleared, slot: slot.name, delegated: true }, prompt: prompt(model, slot.prompts?.elicitation, cleared) };
    }
    if (slot.confirmationRequired && !empty && current?.confirmationStatus === 'NONE') {
      return { kind: 'ask', step: { kind: 'confirm-slot', intent, slot: slot.name, delegated: true }, prompt: prompt(model, slot.prompts?.confirmation, intent) };
    }
  }
  if (dialogIntent?.confirmationRequired && intent.confirmationStatus === 'NONE') {
    return { kind: 'ask', step: { kind: 'confirm-intent', intent, delegated: true }, prompt: prompt(model, dialogIntent.prompts?.confirmation, intent) };
  }
  return { kind: 'complete', intent };
}

/** "yes" or "no" in any of the ways Alexa takes them in the locale's language; undefined for anything else. */
export function yesOrNo(utterance: string, locale = 'en-US'): 'yes' | 'no' | undefined {
  const said = normalise(utterance);
  const phrasings = (intent: string): string[] => (builtInPhrasings(locale)[intent] ?? []).map(normalise);
  if (phrasings('AMAZON.YesIntent').includes(said)) return 'yes';
  if (phrasings('AMAZON.NoIntent').includes(said)) return 'no';
  return undefined;
}

export function withSlot(intent: Intent, name: string, slot: NonNullable<Intent['slots']>[string]): Intent {
  return { ...intent, slots: { ...intent.slots, [name]: slot } };
}

/** A prompt's first variation as a caption, with `{slot}` references replaced by the slot values. */
function prompt(model: InteractionModel, id: string | undefined, intent: Intent): string | undefined {
  const variation = id === undefined ? undefined : promptVariation(model, id);
  if (!variation) return undefined;
  const filled = variation.value.replace(/\{([^{}]+)\}/g, (_, name: string) => intent.slots?.[name]?.value ?? '');
  return variation.type === 'SSML' ? ssmlToCaption(filled) : filled.replace(/\s+/g, ' ').trim();
}
