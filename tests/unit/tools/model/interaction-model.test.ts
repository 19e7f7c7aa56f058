import { formatJson, withGeneratedSlotTypes, type InteractionModel } from '../../../../tools/model/interaction-model';
import { configWith } from '../../../support/config-builder';

const config = configWith([{ name: 'checkout', environments: { production: { pipeline: 'p' } } }]);

function model(types: { name: string; values?: unknown[] }[]): InteractionModel {
  return {
    interactionModel: {
      languageModel: { invocationName: 'release captain', intents: [{ name: 'DeployIntent', samples: ['deploy'] }], types: types as never },
    },
  };
}

describe('withGeneratedSlotTypes', () => {
  it('replaces SERVICE and ENVIRONMENT in place and keeps every other type as it is', () => {
    // Prepare
    const input = model([{ name: 'ENVIRONMENT', values: [] }, { name: 'REASON', values: [{ name: { value: 'broken', synonyms: ['bad'] } }] }, { name: 'SERVICE', values: [] }]);

    // Act
    const types = withGeneratedSlotTypes(input, config).interactionModel.languageModel.types ?? [];

    // Assess
    expect(types.map((t) => t.name)).toEqual(['ENVIRONMENT', 'REASON', 'SERVICE']);
    expect(types[0]?.values?.map((v) => v.id)).toEqual(['production']);
    expect(types[1]).toEqual({ name: 'REASON', values: [{ name: { value: 'broken', synonyms: ['bad'] } }] });
    expect(types[2]?.values?.map((v) => v.id)).toEqual(['checkout']);
  });

  it('appends the generated types to a model that has none, without changing its input', () => {
    // Prepare
    const input = model([]);

    // Act
    const output = withGeneratedSlotTypes(input, config);

    // Assess
    expect(output.interactionModel.languageModel.types?.map((t) => t.name)).toEqual(['SERVICE', 'ENVIRONMENT']);
    expect(input.interactionModel.languageModel.types).toEqual([]);
  });
});

describe('formatJson', () => {
  it('indents with two spaces and ends with one newline', () => {
    // Act
    const text = formatJson({ a: [1] });

    // Assess
    expect(text).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
