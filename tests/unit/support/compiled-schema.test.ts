import { compiledValidator } from '../../support/compiled-schema';

/** The cache must never hand one schema's validator to another: a key that missed an input would. */
describe('compiledValidator', () => {
  const objectWith = (type: string) => ({ type: 'object', properties: { size: { type } }, required: ['size'], additionalProperties: false });

  it('answers for the schema it is given, whatever was compiled and cached before', () => {
    // Prepare
    const forStrings = compiledValidator(objectWith('string'), { allErrors: true, strict: false });
    // Act
    const forNumbers = compiledValidator(objectWith('number'), { allErrors: true, strict: false });
    // Assess
    expect(forStrings({ size: 'large' })).toBe(true);
    expect(forNumbers({ size: 'large' })).toBe(false);
    expect(forNumbers.errors?.map((e) => `${e.instancePath} ${e.message ?? ''}`)).toEqual(['/size must be number']);
  });

  it('reports every error from the cached module as ajv does, with allErrors', () => {
    // Prepare: compiled (or loaded) once, then certainly loaded from the cache
    compiledValidator(objectWith('integer'), { allErrors: true, strict: false });
    const validate = compiledValidator(objectWith('integer'), { allErrors: true, strict: false });
    // Act
    const valid = validate({ size: 1.5, colour: 'red' });
    // Assess
    expect(valid).toBe(false);
    expect(validate.errors?.map((e) => e.message)).toEqual(['must NOT have additional properties', 'must be integer']);
  });

  it('keys on the options too: without allErrors it stops at the first error', () => {
    // Act
    const validate = compiledValidator(objectWith('integer'), { allErrors: false, strict: false });
    // Assess
    expect(validate({ size: 1.5, colour: 'red' })).toBe(false);
    expect(validate.errors).toHaveLength(1);
  });
});
