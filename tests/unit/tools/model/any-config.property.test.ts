import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigSchema } from '../../../../lambda/src/config/schema';
import { MODELS_DIR } from '../../../../tools/model/generate';
import { withGeneratedSlotTypes, type InteractionModel } from '../../../../tools/model/interaction-model';
import { validateInteractionModel, validateSkillManifest } from '../../../support/smapi-schema';

/**
 * Any config the schema accepts gives an interaction model the Skill Management API's schema accepts: configs made by
 * fast-check, with and without synonyms, one service or many, names with digits, apostrophes, periods and hyphens,
 * environment keys that are and are not built-in words (so built-in synonyms collide).
 */

const enUS = JSON.parse(readFileSync(join(MODELS_DIR, 'en-US.json'), 'utf8')) as InteractionModel;
const manifest: unknown = JSON.parse(readFileSync(join(MODELS_DIR, '..', '..', 'skill.json'), 'utf8'));

const BUILT_IN_WORDS = ['production', 'prod', 'live', 'staging', 'stage', 'dev', 'test', 'qa', 'sandbox', 'uat', 'canary'];
/** Spoken names as the schema allows them: a letter or digit, then letters, digits, spaces, ' . - */
const spokenName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 '.-]{0,20}$/);
const environmentKey = fc.oneof(fc.constantFrom(...BUILT_IN_WORDS), spokenName);
const service = fc.record({
  name: spokenName,
  synonyms: fc.array(fc.oneof(spokenName, fc.constantFrom(...BUILT_IN_WORDS)), { maxLength: 3 }),
  environments: fc.dictionary(environmentKey, fc.constant({ pipeline: 'some-pipeline' }), { minKeys: 1, maxKeys: 4 }),
});
const rawConfig = fc.record({
  allowedUsers: fc.constant([]),
  services: fc.array(service, { minLength: 1, maxLength: 6 }),
});

describe('the model generated from any valid config', () => {
  it('validates against the Skill Management API definition of an interaction model', () => {
    fc.assert(fc.property(rawConfig, (raw) => {
      const parsed = ConfigSchema.safeParse(raw);
      fc.pre(parsed.success);
      if (!parsed.success) return;

      const valid = validateInteractionModel(withGeneratedSlotTypes(enUS, parsed.data));

      expect(validateInteractionModel.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }), { numRuns: 150 });
  });

  it('leaves the manifest, which no config changes, valid', () => {
    expect(validateSkillManifest(manifest)).toBe(true);
  });
});
