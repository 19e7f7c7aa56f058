import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import type { Target } from '../domain/release';
import type { Action } from '../speech/messages';
import { toSpeech, type Ssml } from '../speech/ssml';
import { requestContext, type SkillDeps } from './context';
import { isRecord, spokenSlot } from './request-shape';

/**
 * The slots the interaction model gives each intent the skill answers with a Dialog directive. Alexa refuses an
 * updatedIntent whose slots are not exactly its intent's, so a directive carries these and no other
 * (tests/unit/handlers/target-dialog.test.ts holds this table to skill-package's model).
 */
export const INTENT_SLOTS: Readonly<Record<string, readonly string[]>> = {
  DeployIntent: ['service', 'environment', 'pin'],
  RollbackIntent: ['service', 'environment', 'pin'],
  StatusIntent: ['service', 'environment'],
  LockIntent: ['environment'],
  UnlockIntent: ['environment'],
};
/** Slots whose values a directive never echoes: the spoken release code is read from the request, once. */
const SECRET_SLOTS: ReadonlySet<string> = new Set(['pin']);
/** No real slot (value and resolutions) comes near this; a larger one is treated as not heard rather than echoed. */
const MAX_SLOT_JSON_LENGTH = 2000;
/** What Alexa repeats of words it did not recognise: enough to show what it heard, never a wall of text. */
const MAX_HEARD_CHARACTERS = 60;

export type TargetStep =
  | { readonly kind: 'target'; readonly target: Target; readonly intent: Intent }
  | { readonly kind: 'asked'; readonly response: Response };

/**
 * Works out which service and environment an intent means, asking for whichever is missing or unknown with
 * Dialog.ElicitSlot and naming the choices. The returned intent carries the resolved names in its slots, so that
 * the next turn (a confirmation) comes back with them.
 */
export function resolveTarget(input: HandlerInput, deps: SkillDeps, intent: Intent, action: Action): TargetStep {
  const { speech } = requestContext(input);
  const services = deps.catalog.serviceNames();
  intent = withMisplacedEnvironmentMoved(deps, intent);
  const service = deps.catalog.resolveService(spokenSlot(intent, 'service'));
  if (service.kind !== 'resolved') {
    const ask = service.kind === 'missing' ? speech.askService(action, services) : speech.unknownService(shortened(service.heard), services);
    return { kind: 'asked', response: elicit(input, withSlot(intent, 'service', undefined), 'service', ask) };
  }
  const environments = deps.catalog.environmentKeys(service.value);
  const environment = deps.catalog.resolveEnvironment(service.value, spokenSlot(intent, 'environment'));
  if (environment.kind !== 'resolved') {
    const ask = environment.kind === 'missing'
      ? speech.askEnvironment(action, service.value, environments)
      : speech.unknownEnvironment(shortened(environment.heard), service.value, environments);
    const updated = withSlot(withSlot(intent, 'service', service.value), 'environment', undefined);
    return { kind: 'asked', response: elicit(input, updated, 'environment', ask) };
  }
  const resolved = withSlot(withSlot(intent, 'service', service.value), 'environment', environment.value);
  return { kind: 'target', target: deps.catalog.target(service.value, environment.value), intent: resolved };
}

/**
 * "What is the status of prod" can reach the skill with "prod" in the service slot: both slots stand in similar
 * samples. A service word that is no service but is an environment, with the environment slot empty, is moved.
 */
function withMisplacedEnvironmentMoved(deps: SkillDeps, intent: Intent): Intent {
  const service = spokenSlot(intent, 'service');
  const environment = spokenSlot(intent, 'environment');
  if (service.heard === undefined || environment.heard !== undefined || environment.resolvedId !== undefined) return intent;
  if (deps.catalog.resolveService(service).kind !== 'unknown') return intent;
  const asEnvironment = deps.catalog.resolveAnyEnvironment({ heard: service.heard });
  if (asEnvironment.kind !== 'resolved') return intent;
  return withSlot(withSlot(intent, 'service', undefined), 'environment', service.heard);
}

function elicit(input: HandlerInput, intent: Intent, slot: string, ask: Ssml): Response {
  return input.responseBuilder
    .speak(toSpeech(ask))
    .reprompt(toSpeech(ask))
    .addElicitSlotDirective(slot, intent)
    .getResponse();
}

/**
 * A copy of the intent with one slot set to a value (or emptied), as Dialog directives expect. It carries exactly the
 * model's slots of that intent (a secret one always empty), each within a sane size and under its own name, so that
 * a response never echoes whatever a request carried.
 */
export function withSlot(intent: Intent, name: string, value: string | undefined): Intent {
  const slots: NonNullable<Intent['slots']> = {};
  const modelSlots = Object.hasOwn(INTENT_SLOTS, intent.name) ? INTENT_SLOTS[intent.name] ?? [] : [];
  for (const slotName of modelSlots) {
    const slot = intent.slots?.[slotName];
    const echoed = !SECRET_SLOTS.has(slotName) && isRecord(slot) && JSON.stringify(slot).length <= MAX_SLOT_JSON_LENGTH;
    slots[slotName] = echoed ? { ...slot, name: slotName } : { name: slotName, confirmationStatus: 'NONE' };
  }
  if (modelSlots.includes(name)) {
    slots[name] = value === undefined
      ? { name, confirmationStatus: 'NONE' }
      : { name, value, confirmationStatus: 'NONE' };
  }
  return { name: intent.name, confirmationStatus: intent.confirmationStatus ?? 'NONE', slots };
}

/** The first characters of what was heard, never cutting a character in two. */
function shortened(heard: string): string {
  const characters = Array.from(heard);
  return characters.length <= MAX_HEARD_CHARACTERS ? heard : `${characters.slice(0, MAX_HEARD_CHARACTERS).join('')}…`;
}
