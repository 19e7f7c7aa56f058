import { buildIntent, filledSlot } from '../../../../tools/simulator/slots';
import { fixtureModel, SKILL_ID } from './fake-skill';

const model = fixtureModel();
const AUTHORITY = `amzn1.er-authority.echo-sdk.${SKILL_ID}.ENVIRONMENT`;

describe('filledSlot', () => {
  it('resolves a value name of a custom type to ER_SUCCESS_MATCH with its id', () => {
    // Act
    const slot = filledSlot(model, SKILL_ID, 'environment', 'ENVIRONMENT', 'Production');
    // Assess
    expect(slot).toEqual({
      name: 'environment',
      value: 'production',
      resolutions: { resolutionsPerAuthority: [{ authority: AUTHORITY, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: 'production', id: 'production' } }] }] },
      confirmationStatus: 'NONE',
      slotValue: {
        type: 'Simple',
        value: 'production',
        resolutions: { resolutionsPerAuthority: [{ authority: AUTHORITY, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: 'production', id: 'production' } }] }] },
      },
    });
  });

  it('resolves a synonym to the canonical value and keeps the spoken words in value', () => {
    // Act
    const slot = filledSlot(model, SKILL_ID, 'environment', 'ENVIRONMENT', 'prod');
    // Assess
    expect(slot.value).toBe('prod');
    expect(slot.resolutions?.resolutionsPerAuthority?.[0]?.values).toEqual([{ value: { name: 'production', id: 'production' } }]);
  });

  it('keeps an unknown value and reports ER_SUCCESS_NO_MATCH without values, as custom types are open', () => {
    // Act
    const slot = filledSlot(model, SKILL_ID, 'environment', 'ENVIRONMENT', 'moon base');
    // Assess
    expect(slot.value).toBe('moon base');
    expect(slot.resolutions).toEqual({ resolutionsPerAuthority: [{ authority: AUTHORITY, status: { code: 'ER_SUCCESS_NO_MATCH' } }] });
    expect(slot.slotValue).toEqual({ type: 'Simple', value: 'moon base', resolutions: slot.resolutions });
  });

  it('invents a stable md5-looking id for a value declared without one', () => {
    // Act
    const first = filledSlot(model, SKILL_ID, 'environment', 'ENVIRONMENT', 'dev');
    const second = filledSlot(model, SKILL_ID, 'environment', 'ENVIRONMENT', 'development');
    // Assess
    const id = first.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(second.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id).toBe(id);
  });

  it.each([
    ['AMAZON.NUMBER', 'twenty three', '23'],
    ['AMAZON.NUMBER', 'five', '5'],
    ['AMAZON.FOUR_DIGIT_NUMBER', 'one two three four', '1234'],
    ['AMAZON.NUMBER', 'lots', '?'],
  ])('normalises %s "%s" to "%s" without resolutions', (type, spoken, value) => {
    // Act
    const slot = filledSlot(model, SKILL_ID, 'count', type, spoken);
    // Assess
    expect(slot).toEqual({ name: 'count', value, confirmationStatus: 'NONE', slotValue: { type: 'Simple', value } });
  });
});

describe('buildIntent', () => {
  it('includes every declared slot, the unfilled ones with only name and status', () => {
    // Act
    const intent = buildIntent(model, SKILL_ID, 'DeployIntent', { service: 'checkout' });
    // Assess
    expect(intent.confirmationStatus).toBe('NONE');
    expect(intent.slots?.environment).toEqual({ name: 'environment', confirmationStatus: 'NONE' });
    expect(intent.slots?.service?.value).toBe('checkout');
  });
});
