import type { Config } from '../../lambda/src/config/schema';
import type { Finding } from './findings';

/**
 * The checks that need no AWS: is the config still the shipped example? Shared by `npm run doctor` and by the check
 * `npm run deploy` runs before ask-cli (tools/deploy-check.ts).
 */

/** The skill id the example config once shipped: it names no skill. */
export const PLACEHOLDER_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';

/** amzn1.ask.account.EXAMPLE and the like: the ids the shipped config names, which are nobody's. */
export const isExampleId = (id: string): boolean => /^amzn1\.ask\.(account|person)\.EXAMPLE\b/i.test(id);

/**
 * Real Alexa ids run to a hundred characters and more of letters and digits after the prefix (the schema checks only
 * the prefix). A short or oddly spelt one is most likely typed by hand from memory.
 */
const looksReal = (id: string): boolean => /^amzn1\.ask\.(account|person)\.[A-Za-z0-9_-]{20,}$/.test(id);

/** Every id the config lets act, with where it stands: allowedUsers[0], admins[1], policies.production.allowedUsers[0]. */
function namedIds(config: Config): { where: string; id: string }[] {
  return [
    ...config.allowedUsers.map((id, i) => ({ where: `allowedUsers[${i}]`, id })),
    ...config.admins.map((id, i) => ({ where: `admins[${i}]`, id })),
    ...Object.entries(config.policies).flatMap(([key, policy]) => (policy.allowedUsers ?? []).map((id, i) => ({ where: `policies.${key}.allowedUsers[${i}]`, id }))),
  ];
}

/** The skill id, and who may act. `deployedSkillId` is what ask-cli recorded after a deploy (.ask/ask-states.json). */
export function configFindings(config: Config, deployedSkillId?: string): Finding[] {
  const findings: Finding[] = [];
  if (config.skillId === PLACEHOLDER_SKILL_ID) {
    findings.push({ level: 'problem', subject: 'skillId', message: 'is the example placeholder, which names no skill', fix: 'remove "skillId" from the config: the deploy passes the real one to the skill' });
  } else if (config.skillId !== undefined && deployedSkillId !== undefined && config.skillId !== deployedSkillId) {
    findings.push({ level: 'problem', subject: 'skillId', message: `is ${config.skillId}, but ask-cli deployed ${deployedSkillId}; the skill would refuse every request`, fix: 'remove "skillId" from the config (the deploy passes it) or correct it' });
  } else {
    const id = config.skillId ?? deployedSkillId;
    findings.push({ level: 'ok', subject: 'skillId', message: id === undefined ? 'none yet: the first `npm run deploy` creates the skill and passes its id to it' : `${id}${config.skillId === undefined ? ' (from ask-cli; the deploy passes it)' : ''}` });
  }

  const ids = namedIds(config);
  const examples = ids.filter(({ id }) => isExampleId(id));
  for (const { where, id } of examples) {
    findings.push({ level: 'problem', subject: where, message: `${id} is the shipped example, nobody's id`, fix: 'remove it; add real ids from the card the skill shows someone not on the list' });
  }
  for (const { where, id } of ids.filter(({ id }) => !isExampleId(id) && !looksReal(id))) {
    findings.push({ level: 'warning', subject: where, message: `${id} does not look like an id Alexa sends (those are long strings of letters and digits)`, fix: 'copy the id from the card the skill shows, not by hand' });
  }
  if (config.allowedUsers.length === 0 && config.admins.length === 0) {
    findings.push({ level: 'warning', subject: 'allowedUsers', message: 'is empty: nobody may use the skill yet', fix: 'deploy, say "Alexa, open release captain", and add the id from the card in the Alexa app' });
  } else if (examples.length === 0) {
    findings.push({ level: 'ok', subject: 'allowedUsers', message: `${config.allowedUsers.length} user(s), ${config.admins.length} admin(s)` });
  }
  return findings;
}
