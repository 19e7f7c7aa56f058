import type { ValidateFunction } from 'ajv';
import spec from 'ask-smapi-model/spec.json';
import { compiledValidator } from './compiled-schema';

/**
 * Validators for skill-package files made from Amazon's own Swagger description of the Skill Management API
 * (ask-smapi-model's spec.json), so that a model or manifest Amazon would reject fails here, offline.
 *
 * Formats are not checked: the spec names formats ("ISO 4217 format") that are not JSON Schema formats. Its rule that
 * every slot type value has at least one synonym is kept: the model generator gives one to every value.
 */
function compile(definition: string): ValidateFunction {
  const references = [{ ...structuredClone(spec), id: 'smapi.json' }];
  // Compiled once per machine, not in every file that imports this (compiled-schema.ts).
  return compiledValidator({ $ref: `smapi.json#/definitions/${definition}` }, { strict: false, allErrors: true, validateFormats: false }, { flavour: 'ajv-draft-04', references });
}

export const validateInteractionModel = compile('v1.skill.interactionModel.InteractionModelData');

export const validateSkillManifest = compile('v1.skill.Manifest.SkillManifestEnvelope');
