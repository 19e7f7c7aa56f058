import type { HandlerInput } from 'ask-sdk-core';
import type { Config } from '../config/schema';
import type { Catalog } from '../domain/catalog';
import type { Principal } from '../domain/access';
import type { EnvironmentLocks } from '../domain/locks';
import type { PinGuard } from '../domain/pin-guard';
import type { ReleaseService } from '../domain/release-service';
import type { Logger } from '../logging/logger';
import type { Messages } from '../speech';

/** What the handlers receive from the composition root. */
export interface SkillDeps {
  readonly config: Config;
  readonly catalog: Catalog;
  readonly releases: ReleaseService;
  readonly locks: EnvironmentLocks;
  readonly pins: PinGuard;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** What the request interceptor works out once per request, for every handler. */
export interface RequestContext {
  readonly speech: Messages;
  readonly principal: Principal;
  readonly allowed: boolean;
  /** Set by a handler once it knows which service and environment the request is about, for the error handler. */
  where?: { service: string; environment: string };
}

const KEY = 'pushToProd';

export function setRequestContext(input: HandlerInput, context: RequestContext): void {
  input.attributesManager.getRequestAttributes()[KEY] = context;
}

export function requestContext(input: HandlerInput): RequestContext {
  const context = input.attributesManager.getRequestAttributes()[KEY] as RequestContext | undefined;
  if (!context) throw new Error('The request context interceptor did not run');
  return context;
}
