import type { Config } from '../config/schema';

/** Who is asking: the Alexa account, and the recognised voice when there is one. */
export interface Principal {
  readonly userId?: string;
  readonly personId?: string;
}

type AccessConfig = Pick<Config, 'allowedUsers'> & Partial<Pick<Config, 'admins' | 'policies'>>;

function matches(ids: readonly string[], who: Principal): boolean {
  return (who.userId !== undefined && ids.includes(who.userId)) || (who.personId !== undefined && ids.includes(who.personId));
}

/** True when the account or the recognised voice is an admin. */
export function isAdmin(config: AccessConfig, who: Principal): boolean {
  return matches(config.admins ?? [], who);
}

/**
 * True when the account or the recognised voice may use the skill at all: on the allowlist, an admin, or named by an
 * environment's policy. An empty allowlist lets nobody in, and a request without ids is never allowed.
 */
export function isAllowed(config: AccessConfig, who: Principal): boolean {
  const policyLists = Object.values(config.policies ?? {}).flatMap((p) => p.allowedUsers ?? []);
  return matches(config.allowedUsers, who) || isAdmin(config, who) || matches(policyLists, who);
}

/**
 * True when they may change `environment` (deploy, roll back, lock): admins always; else the environment's own list
 * when its policy has one, else the top-level allowlist.
 */
export function mayChange(config: AccessConfig, who: Principal, environment: string): boolean {
  if (isAdmin(config, who)) return true;
  const own = config.policies?.[environment]?.allowedUsers;
  return matches(own ?? config.allowedUsers, who);
}

/** The one id that identifies a person for locks and PIN counters: the voice when recognised, else the account. */
export function principalKey(who: Principal): string {
  return who.personId ?? who.userId ?? 'anonymous';
}
