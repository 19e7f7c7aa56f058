import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseEnvelope } from '../../lambda/src/runtime/envelope';
import { spoken } from '../support/conversation';
import { SKILL_ID } from '../support/envelopes';
import { alexaRefusals } from '../support/alexa-response-rules';
import { invalidSsml } from '../support/ssml-check';
import { testSkill } from '../support/test-skill';

/** Requests captured from real devices and consoles (a copy of shared/real-envelopes, sources in its SOURCES.md), taken as they come. */
const DIR = join(__dirname, '..', 'fixtures', 'real-envelopes');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** The same envelope, addressed to our skill. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- captured JSON of many shapes, read loosely on purpose
type Captured = Record<string, any>;

function addressedToUs(raw: Captured): Captured {
  const copy = structuredClone(raw);
  if (copy.session?.application) copy.session.application.applicationId = SKILL_ID;
  if (copy.context?.System?.application) copy.context.System.application.applicationId = SKILL_ID;
  return copy;
}

const load = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Captured;

describe('real envelopes', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('answers %s without error, with a response Alexa accepts and no AWS call', async (file) => {
    const { skill, pipelines, deployments } = testSkill();
    const raw = addressedToUs(load(file));

    const request = normaliseEnvelope(raw);
    const response = await skill.invoke(request);

    expect(response.version).toBe('1.0');
    expect(alexaRefusals(request, response)).toEqual([]);
    expect(invalidSsml(response)).toEqual([]);
    expect([...pipelines.calls, ...deployments.calls]).toEqual([]);
    const type = raw.request.type as string;
    if (type === 'SessionEndedRequest' || type === 'System.ExceptionEncountered' || !raw.session) {
      expect(response.response.outputSpeech).toBeUndefined();
    }
    if (type === 'LaunchRequest') {
      // Nobody who sent these is on the test allowlist: they hear why, and find their own id on the card.
      expect(spoken(response)).toMatch(/^Sorry, you're not on this skill's list/);
      const card = response.response.card as { content?: string } | undefined;
      expect(card?.content).toContain(raw.context.System.user.userId as string);
    }
    if (type === 'CanFulfillIntentRequest') expect(response.response.canFulfillIntent?.canFulfill).toBe('NO');
  });

  it.each(files.filter((f) => /launch/.test(f) && !/template/.test(f)))('greets %s as usual once its account is on the allowlist', async (file) => {
    const raw = addressedToUs(load(file));
    const { skill } = testSkill({ allowedUsers: [raw.context.System.user.userId as string] });

    const response = await skill.invoke(normaliseEnvelope(raw));

    expect(spoken(response)).toMatch(/^Release captain here/);
    expect(response.response.card).toBeUndefined();
  });

  it.each(files.filter((f) => !/template/.test(f)))('rejects %s as it was captured, for another skill', async (file) => {
    const { skill, pipelines, deployments } = testSkill();

    await expect(Promise.resolve().then(() => skill.invoke(normaliseEnvelope(load(file))))).rejects.toThrow();
    expect([...pipelines.calls, ...deployments.calls]).toEqual([]);
  });
});
