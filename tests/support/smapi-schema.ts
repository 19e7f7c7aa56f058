import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import spec from 'ask-smapi-model/spec.json';

/**
 * Validators for skill-package files made from Amazon's own Swagger description of the Skill Management API
 * (ask-smapi-model's spec.json), so that a model or manifest Amazon would reject fails here, offline.
 *
 * The spec is stricter than the service in one place that matters here: it requires at least one synonym on
 * every slot type value, while the service accepts a value without synonyms, and the model generator emits
 * `synonyms: []` for a service the config gives none. That one rule is relaxed, and only for interaction models
 * checked with `lenientSynonyms`. Formats are not checked: the spec names formats ("ISO 4217 format") that are
 * not JSON Schema formats.
 */
type Spec = { definitions: Record<string, Record<string, unknown>> };

function compile(definition: string, relax?: (spec: Spec) => void): ValidateFunction {
  const copy = structuredClone(spec) as unknown as Spec;
  relax?.(copy);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...copy, id: 'smapi.json' });
  return ajv.compile({ $ref: `smapi.json#/definitions/${definition}` });
}

export const validateInteractionModel = compile('v1.skill.interactionModel.InteractionModelData');

export const validateInteractionModelLenientSynonyms = compile('v1.skill.interactionModel.InteractionModelData', (copy) => {
  const synonyms = (copy.definitions['v1.skill.interactionModel.TypeValueObject']?.properties as Record<string, Record<string, unknown>>)['synonyms'];
  if (synonyms === undefined || synonyms['minItems'] !== 1) throw new Error('spec.json changed: TypeValueObject.synonyms.minItems');
  delete synonyms['minItems'];
});

export const validateSkillManifest = compile('v1.skill.Manifest.SkillManifestEnvelope');
