import type { Config } from '../config/schema';

/** Who is asking: the Alexa account, and the recognised voice when there is one. */
export interface Principal {
  readonly userId?: string;
  readonly personId?: string;
}

/**
 * True when the account or the recognised voice is on the allowlist. An empty allowlist lets nobody act, and a
 * request without ids is never allowed.
 */
export function isAllowed(config: Pick<Config, 'allowedUsers'>, who: Principal): boolean {
  const allowed = new Set(config.allowedUsers);
  return (who.userId !== undefined && allowed.has(who.userId)) || (who.personId !== undefined && allowed.has(who.personId));
}
