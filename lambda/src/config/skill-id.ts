import { ConfigError } from '../domain/errors';

/** The environment variable the CloudFormation stack fills with its reserved `SkillId` parameter. */
export const SKILL_ID_VARIABLE = 'PUSH_TO_PROD_SKILL_ID';

/** What an Alexa skill id looks like; the config schema holds the same rule for `skillId`. */
export const SKILL_ID_PATTERN = /^amzn1\.ask\.skill\.[0-9a-f-]{36}$/;

/**
 * The skill id the skill accepts requests for. ask-cli knows it only after the first `ask deploy`, and passes it to
 * the stack, which hands it to the function as PUSH_TO_PROD_SKILL_ID: so nobody has to copy it into the config. A
 * `skillId` in the config still works, and must then agree with the deployed one.
 *
 * - only one of them set: that one;
 * - both set and equal: it;
 * - both set and different: refused (ConfigError naming both), so that every invocation fails loudly instead of one
 *   of the two ids being trusted silently;
 * - neither: on Lambda (AWS_LAMBDA_FUNCTION_NAME set) refused, since a skill that checks no id would answer requests
 *   from any skill that learns its ARN; elsewhere (tests, the benchmark) undefined, which checks no id. The offline
 *   simulator sets PUSH_TO_PROD_SKILL_ID itself, as the stack does.
 */
export function resolveSkillId(env: NodeJS.ProcessEnv, config: { readonly skillId?: string }): string | undefined {
  const fromStack = env[SKILL_ID_VARIABLE]?.trim() || undefined;
  const fromConfig = config.skillId;
  if (fromStack !== undefined && !SKILL_ID_PATTERN.test(fromStack)) {
    throw new ConfigError(SKILL_ID_VARIABLE, [`${SKILL_ID_VARIABLE}: "${fromStack}" must look like amzn1.ask.skill.<uuid>`]);
  }
  if (fromStack !== undefined && fromConfig !== undefined && fromStack !== fromConfig) {
    throw new ConfigError(SKILL_ID_VARIABLE, [
      `skillId: the config says ${fromConfig} but the stack deployed this function for ${fromStack}; `
      + 'remove skillId from the config (the deploy supplies it) or correct it',
    ]);
  }
  const skillId = fromStack ?? fromConfig;
  if (skillId === undefined && env.AWS_LAMBDA_FUNCTION_NAME) {
    throw new ConfigError(SKILL_ID_VARIABLE, [
      `skillId: neither ${SKILL_ID_VARIABLE} nor the config names this skill's id, so no request can be trusted; `
      + 'deploy with `npm run deploy`, whose stack sets it',
    ]);
  }
  return skillId;
}
