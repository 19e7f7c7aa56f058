import { ConfigError } from '../../lambda/src/domain/errors';
import { createHandler } from '../../lambda/src/index';
import { silentLogger } from '../../lambda/src/logging/logger';
import { configFiles } from '../support/config-files';
import { spoken } from '../support/conversation';
import { launch } from '../support/envelopes';
import { TEST_CONFIG } from '../support/test-skill';

/**
 * A broken config is refused by the Lambda handler at its first invocation, whatever the request, with an error
 * that names the field; never accepted and then failing vaguely in the middle of a conversation.
 */

const files = configFiles('ptp-proof-config-');
const fileWith = files.text;
const configWith = (changes: Record<string, unknown>) => files.json({ ...TEST_CONFIG, ...changes });
const withoutKey = (key: string) => files.json(Object.fromEntries(Object.entries(TEST_CONFIG).filter(([k]) => k !== key)));
const services = TEST_CONFIG.services;

/** The first invocation's failure; the test fails if the handler answers instead. */
async function refusal(path: string): Promise<ConfigError> {
  const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: path }, logger: silentLogger });
  try {
    await handler(launch());
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the handler accepted the config');
}

describe('a broken config at the Lambda handler', () => {
  it.each([
    ['a missing allowedUsers', () => withoutKey('allowedUsers'), /^allowedUsers: /],
    ['a skillId of the wrong type', () => configWith({ skillId: 42 }), /^skillId: Invalid input: expected string, received number$/],
    ['allowedUsers that is not a list', () => configWith({ allowedUsers: 'everyone' }), /^allowedUsers: Invalid input: expected array, received string$/],
    ['services that is an object', () => configWith({ services: { checkout: services[0] } }), /^services: Invalid input: expected array, received object$/],
    ['a pipeline name of the wrong type', () => configWith({ services: [{ name: 'checkout', environments: { production: { pipeline: 7 } } }] }), /^services\[0\]\.environments\.production\.pipeline: /],
    ['an unknown top-level key', () => configWith({ pipelines: ['checkout-prod'] }), /^\(top level\): Unrecognized key: "pipelines"$/],
    ['a misspelt nested key', () => configWith({ services: [{ name: 'checkout', environments: { production: { pipline: 'checkout-prod' } } }] }), /^services\[0\]\.environments\.production: Unrecognized key: "pipline"$/],
    ['a synonym that names two services', () => configWith({ services: [...services, { name: 'shop', synonyms: ['the shop'], environments: { production: { pipeline: 'shop-prod' } } }] }), /^services\[2\]: "the shop" already names service "checkout"$/],
    ['a synonym that names two services once punctuation is ignored', () => configWith({ services: [...services, { name: 'store', synonyms: ['the shop.'], environments: { production: { pipeline: 'store-prod' } } }] }), /^services\[2\]: "the shop\." already names service "checkout"$/],
    ['a bad region', () => configWith({ region: 'europe' }), /^region: is not an AWS region name such as eu-west-1$/],
    ['a bad region on an environment', () => configWith({ services: [{ name: 'checkout', environments: { production: { pipeline: 'p', region: 'EU_WEST' } } }] }), /^services\[0\]\.environments\.production\.region: is not an AWS region name/],
  ])('refuses %s, naming the field', async (_what, path, issue) => {
    // Act
    const error = await refusal(path());

    // Assess
    expect(error.issues).toEqual(expect.arrayContaining([expect.stringMatching(issue)]));
    expect(error.message).toMatch(/^Invalid push-to-prod config \(.+config-\d+\.json\):\n {2}- /);
  });

  it('refuses a file that is not JSON, naming the file', async () => {
    // Prepare
    const path = fileWith('{ "skillId": "amzn1.ask.skill.11111111-2222-3333-4444-555555555555", ');

    // Act
    const error = await refusal(path);

    // Assess
    expect(error.message).toContain(path);
    expect(error.issues).toEqual([expect.stringMatching(/^is not valid JSON: /)]);
  });

  it('refuses a file that does not exist, naming the file', async () => {
    // Prepare
    const path = files.missing();

    // Act
    const error = await refusal(path);

    // Assess
    expect(error.message).toContain(path);
    expect(error.issues).toEqual(['cannot be read: ENOENT']);
  });

  it('refuses JSON that is not an object', async () => {
    expect((await refusal(fileWith('null'))).issues).toEqual(['(top level): Invalid input: expected object, received null']);
  });

  it('keeps refusing on later invocations instead of answering with half a skill', async () => {
    // Prepare
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: withoutKey('allowedUsers') }, logger: silentLogger });

    // Act
    const first = handler(launch());
    await expect(first).rejects.toThrow(ConfigError);
    const second = handler(launch());

    // Assess
    await expect(second).rejects.toThrow(/allowedUsers: /);
  });

  it('answers with a valid config file (the refusals above are about the config, not the harness)', async () => {
    // Prepare
    const handler = createHandler({ env: { PUSH_TO_PROD_CONFIG: configWith({}) }, logger: silentLogger });

    // Act
    const response = await handler(launch());

    // Assess
    expect(spoken(response)).toMatch(/^Release captain here/);
  });
});
