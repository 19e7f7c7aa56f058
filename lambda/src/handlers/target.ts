import type { Response } from 'ask-sdk-model';
import type { Target } from '../domain/release';
import type { Action } from '../speech/messages';
import type { Turn } from '../turn/turn';

/** What Alexa repeats of words it did not recognise: enough to show what it heard, never a wall of text. */
const MAX_HEARD_CHARACTERS = 60;

export type TargetStep =
  | {
    readonly kind: 'target';
    readonly target: Target;
    /** The resolved names, for the slots of the next directive, so that the next turn comes back with them. */
    readonly values: { readonly service: string; readonly environment: string };
    /** Both were in the request's slots; neither was filled in by a default (the only service, the only environment). */
    readonly said: boolean;
  }
  | { readonly kind: 'asked'; readonly response: Response };

/**
 * Works out which service and environment an intent means, asking with Dialog.ElicitSlot for whichever is missing or
 * unknown and naming the choices. `defaultEnvironment` may name the environment a request without one means (for
 * an approval: the only environment of the service whose approvals the skill answers).
 */
export function resolveTarget(turn: Turn, action: Action, defaultEnvironment?: (service: string) => string | undefined): TargetStep {
  const { speech, deps: { catalog } } = turn;
  const services = catalog.serviceNames();
  const { serviceHeard, environmentHeard, moved } = withMisplacedEnvironmentMoved(turn);
  const service = catalog.resolveService(serviceHeard);
  if (service.kind !== 'resolved') {
    const ask = service.kind === 'missing' ? speech.askService(action, services) : speech.unknownService(shortened(service.heard), services);
    return { kind: 'asked', response: turn.elicit('service', moved ? { environment: environmentHeard.heard } : {}, ask) };
  }
  const environments = catalog.environmentKeys(service.value);
  const resolved = catalog.resolveEnvironment(service.value, environmentHeard);
  const fallback = resolved.kind === 'missing' ? defaultEnvironment?.(service.value) : undefined;
  const environment = fallback === undefined ? resolved : { kind: 'resolved' as const, value: fallback };
  if (environment.kind !== 'resolved') {
    const ask = environment.kind === 'missing'
      ? speech.askEnvironment(action, service.value, environments)
      : speech.unknownEnvironment(shortened(environment.heard), service.value, environments);
    return { kind: 'asked', response: turn.elicit('environment', { service: service.value }, ask) };
  }
  const said = isSaid(serviceHeard) && isSaid(environmentHeard);
  return {
    kind: 'target',
    target: catalog.target(service.value, environment.value),
    values: { service: service.value, environment: environment.value },
    said,
  };
}

type Spoken = ReturnType<Turn['slot']>;

function isSaid(spoken: Spoken): boolean {
  return spoken.heard !== undefined || spoken.resolvedId !== undefined;
}

/**
 * "What is the status of prod" can reach the skill with "prod" in the service slot: both slots stand in similar
 * samples. A service word that is no service but is an environment, with the environment slot empty, is moved.
 */
function withMisplacedEnvironmentMoved(turn: Turn): { serviceHeard: Spoken; environmentHeard: Spoken; moved: boolean } {
  const { catalog } = turn.deps;
  const service = turn.slot('service');
  const environment = turn.slot('environment');
  const asSaid = { serviceHeard: service, environmentHeard: environment, moved: false };
  if (service.heard === undefined || environment.heard !== undefined || environment.resolvedId !== undefined) return asSaid;
  if (catalog.resolveService(service).kind !== 'unknown') return asSaid;
  const moved = { ...service, resolvedId: undefined };
  if (catalog.resolveAnyEnvironment(moved).kind !== 'resolved') return asSaid;
  return { serviceHeard: {}, environmentHeard: moved, moved: true };
}

/** The first characters of what was heard, never cutting a character in two. */
export function shortened(heard: string): string {
  const characters = Array.from(heard);
  return characters.length <= MAX_HEARD_CHARACTERS ? heard : `${characters.slice(0, MAX_HEARD_CHARACTERS).join('')}…`;
}
