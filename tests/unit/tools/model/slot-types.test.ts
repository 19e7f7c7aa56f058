import { environmentSlotType, serviceSlotType } from '../../../../tools/model/slot-types';
import { configWith, pipelineOnly } from '../../../support/config-builder';

const valueOf = (type: ReturnType<typeof serviceSlotType>, id: string) => type.values?.find((v) => v.id === id);

describe('serviceSlotType', () => {
  it('makes one SERVICE value per service, id and value the service name, synonyms from the config', () => {
    // Prepare
    const config = configWith([
      { name: 'checkout', synonyms: ['checkout service', 'cart'], environments: { production: pipelineOnly('p1') } },
      { name: 'search', environments: { production: pipelineOnly('p2') } },
    ]);

    // Act
    const type = serviceSlotType(config);

    // Assess
    expect(type).toEqual({
      name: 'SERVICE',
      values: [
        { id: 'checkout', name: { value: 'checkout', synonyms: ['checkout service', 'cart'] } },
        { id: 'search', name: { value: 'search', synonyms: ['search service'] } },
      ],
    });
  });

  it('gives a service without synonyms one phrase of its own that no other service claims, as the SMAPI schema requires', () => {
    // Prepare: "search service" is the name of another service, so "search" gets the next phrase.
    const config = configWith([
      { name: 'search', environments: { production: pipelineOnly('p1') } },
      { name: 'search service', environments: { production: pipelineOnly('p2') } },
    ]);

    // Act
    const type = serviceSlotType(config);

    // Assess
    expect(valueOf(type, 'search')?.name.synonyms).toEqual(['the search']);
    expect(valueOf(type, 'search service')?.name.synonyms).toEqual(['the search service']);
  });

  it('drops synonyms that repeat the value or each other, whatever their case or spacing', () => {
    // Prepare
    const config = configWith([
      { name: 'checkout', synonyms: ['Checkout', 'cart', 'CART', 'the  cart', 'the cart'], environments: { production: pipelineOnly('p') } },
    ]);

    // Act
    const synonyms = valueOf(serviceSlotType(config), 'checkout')?.name.synonyms;

    // Assess
    expect(synonyms).toEqual(['cart', 'the cart']);
  });
});

describe('environmentSlotType', () => {
  it('makes one ENVIRONMENT value per environment key across services, with the built-in synonyms', () => {
    // Prepare
    const config = configWith([
      { name: 'checkout', environments: { production: pipelineOnly('a'), staging: pipelineOnly('b') } },
      { name: 'search', environments: { production: pipelineOnly('c'), 'eu-west': pipelineOnly('d') } },
    ]);

    // Act
    const type = environmentSlotType(config);

    // Assess
    expect(type.name).toBe('ENVIRONMENT');
    expect(type.values?.map((v) => v.id)).toEqual(['production', 'staging', 'eu-west']);
    expect(valueOf(type, 'production')?.name).toEqual({
      value: 'production',
      synonyms: ['prod', 'live', 'prd', 'production environment', 'prod environment'],
    });
    expect(valueOf(type, 'eu-west')?.name).toEqual({ value: 'eu-west', synonyms: ['eu-west environment'] });
  });

  it('gives a built-in synonym to nobody when it is also the name of another environment', () => {
    // Prepare: "prod" is a key of its own, so it must not also resolve to "production".
    const config = configWith([{ name: 'checkout', environments: { production: pipelineOnly('a'), prod: pipelineOnly('b') } }]);

    // Act
    const type = environmentSlotType(config);

    // Assess
    expect(valueOf(type, 'production')?.name.synonyms).not.toContain('prod');
    expect(valueOf(type, 'prod')?.name.synonyms).not.toContain('production');
  });

  it('gives a synonym that two environments could claim to neither of them', () => {
    // Prepare: "live" and "production" share the built-in group, so "prd" would resolve to both.
    const config = configWith([{ name: 'checkout', environments: { production: pipelineOnly('a'), live: pipelineOnly('b') } }]);

    // Act
    const type = environmentSlotType(config);
    const claimed = (type.values ?? []).flatMap((v) => [v.name.value, ...v.name.synonyms].map((p) => p.toLowerCase()));

    // Assess
    expect(valueOf(type, 'production')?.name.synonyms).not.toContain('prd');
    expect(valueOf(type, 'live')?.name.synonyms).not.toContain('prd');
    expect(new Set(claimed).size).toBe(claimed.length);
  });

  it('finds built-in synonyms for a key written in capitals, without repeating the key', () => {
    // Prepare
    const config = configWith([{ name: 'checkout', environments: { Staging: pipelineOnly('a') } }]);

    // Act
    const value = valueOf(environmentSlotType(config), 'Staging');

    // Assess
    expect(value?.name.synonyms).toContain('stage');
    expect(value?.name.synonyms.map((s) => s.toLowerCase())).not.toContain('staging');
  });
});
