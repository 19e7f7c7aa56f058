import type { v1 } from 'ask-smapi-model';
import { environmentSlotType, serviceSlotType, type SlotType } from './slot-types';
import type { Config } from '../../lambda/src/config/schema';

export type InteractionModel = v1.skill.interactionModel.InteractionModelData;

/** The slot types the config decides for a locale's model; every other slot type in a model is left as it is. */
export function generatedSlotTypes(config: Config, locale = 'en-US'): SlotType[] {
  return [serviceSlotType(config, locale), environmentSlotType(config, locale)];
}

/**
 * The model with its SERVICE and ENVIRONMENT types replaced by those made from `config`. A generated type keeps
 * its place in the list; a missing one is appended. The input is not changed.
 */
export function withGeneratedSlotTypes(model: InteractionModel, config: Config, locale = 'en-US'): InteractionModel {
  const generated = generatedSlotTypes(config, locale);
  const existing = model.interactionModel.languageModel.types ?? [];
  const types = existing.map((type) => generated.find((g) => g.name === type.name) ?? type);
  for (const type of generated) {
    if (!existing.some((e) => e.name === type.name)) types.push(type);
  }
  return {
    ...model,
    interactionModel: {
      ...model.interactionModel,
      languageModel: { ...model.interactionModel.languageModel, types },
    },
  };
}

/** JSON as committed: two-space indent and a trailing newline, so that regenerating changes nothing. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
