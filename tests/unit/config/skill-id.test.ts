import { resolveSkillId, SKILL_ID_VARIABLE } from '../../../lambda/src/config/skill-id';
import { ConfigError } from '../../../lambda/src/domain/errors';
import { createHandler } from '../../../lambda/src/index';
import { silentLogger } from '../../../lambda/src/logging/logger';
import { configFiles } from '../../support/config-files';
import { spoken } from '../../support/conversation';
import { launch, SKILL_ID } from '../../support/envelopes';
import { TEST_CONFIG } from '../../support/test-skill';

const DEPLOYED = 'amzn1.ask.skill.aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const files = configFiles('ptp-skill-id-');
const withoutSkillId = Object.fromEntries(Object.entries(TEST_CONFIG).filter(([key]) => key !== 'skillId'));
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('resolveSkillId', () => {
  it('takes the id the stack passes when the config has none', () => {
    expect(resolveSkillId({ [SKILL_ID_VARIABLE]: DEPLOYED, AWS_LAMBDA_FUNCTION_NAME: 'fn' }, {})).toBe(DEPLOYED);
  });

  it("takes the config's id when the stack passes none", () => {
    expect(resolveSkillId({ AWS_LAMBDA_FUNCTION_NAME: 'fn' }, { skillId: SKILL_ID })).toBe(SKILL_ID);
  });

  it('takes the id when both name the same one', () => {
    expect(resolveSkillId({ [SKILL_ID_VARIABLE]: SKILL_ID }, { skillId: SKILL_ID })).toBe(SKILL_ID);
  });

  it('refuses, naming both ids, when the config and the stack disagree', () => {
    // Act
    const resolving = () => resolveSkillId({ [SKILL_ID_VARIABLE]: DEPLOYED }, { skillId: SKILL_ID });

    // Assess
    expect(resolving).toThrow(ConfigError);
    expect(resolving).toThrow(new RegExp(`config says ${literally(SKILL_ID)} but the stack deployed this function for ${literally(DEPLOYED)}`));
  });

  it('refuses on Lambda when neither names an id, and checks none elsewhere', () => {
    expect(() => resolveSkillId({ AWS_LAMBDA_FUNCTION_NAME: 'fn' }, {})).toThrow(/neither PUSH_TO_PROD_SKILL_ID nor the config/);
    expect(resolveSkillId({}, {})).toBeUndefined();
  });

  it('refuses a PUSH_TO_PROD_SKILL_ID that is no skill id, and ignores a blank one', () => {
    expect(() => resolveSkillId({ [SKILL_ID_VARIABLE]: 'my-skill' }, {})).toThrow(/"my-skill" must look like amzn1\.ask\.skill\.<uuid>/);
    expect(resolveSkillId({ [SKILL_ID_VARIABLE]: ' ' }, { skillId: SKILL_ID })).toBe(SKILL_ID);
  });
});

describe('the handler with the skill id from the deploy', () => {
  it('answers requests for the deployed skill with a config that names no skill id', async () => {
    // Prepare
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: files.json(withoutSkillId), [SKILL_ID_VARIABLE]: SKILL_ID, AWS_LAMBDA_FUNCTION_NAME: 'fn' }, logger: silentLogger });

    // Act
    const response = await handler(launch());

    // Assess
    expect(spoken(response)).toMatch(/^Release captain here/);
  });

  it("rejects another skill's request with the deployed id", async () => {
    // Prepare
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: files.json(withoutSkillId), [SKILL_ID_VARIABLE]: DEPLOYED }, logger: silentLogger });

    // Act
    const answering = handler(launch());

    // Assess
    await expect(answering).rejects.toThrow(/skill ID verification failed/i);
  });

  it('fails every invocation, naming both ids, when the config and the stack disagree', async () => {
    // Prepare
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: files.json(TEST_CONFIG), [SKILL_ID_VARIABLE]: DEPLOYED }, logger: silentLogger });

    // Act
    const first = handler(launch());
    await expect(first).rejects.toThrow(ConfigError);
    const second = handler(launch({ skillId: DEPLOYED }));

    // Assess
    await expect(second).rejects.toThrow(new RegExp(`${literally(SKILL_ID)}.*${literally(DEPLOYED)}`));
  });

  it('fails on Lambda when nothing names the skill id', async () => {
    // Prepare
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: files.json(withoutSkillId), AWS_LAMBDA_FUNCTION_NAME: 'fn' }, logger: silentLogger });

    // Act
    const answering = handler(launch());

    // Assess
    await expect(answering).rejects.toThrow(/neither PUSH_TO_PROD_SKILL_ID nor the config/);
  });
});
