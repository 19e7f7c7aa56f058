import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Intent } from 'ask-sdk-model';
import { INTENT_SLOTS, withSlot } from '../../../lambda/src/handlers/target-dialog';

const MODEL = JSON.parse(readFileSync(join(__dirname, '../../../skill-package/interactionModels/custom/en-US.json'), 'utf8')) as {
  interactionModel: { languageModel: { intents: { name: string; slots?: { name: string }[] }[] } };
};

function modelSlots(intent: string): string[] | undefined {
  return MODEL.interactionModel.languageModel.intents.find((i) => i.name === intent)?.slots?.map((s) => s.name);
}

/** A request intent carrying every slot there could be, filled, plus one no model has. */
function heard(name: string): Intent {
  const filled = (slot: string) => ({ name: slot, value: `${slot} heard`, confirmationStatus: 'NONE' as const });
  return { name, confirmationStatus: 'NONE', slots: { service: filled('service'), environment: filled('environment'), pin: filled('pin'), extra: filled('extra') } };
}

describe('withSlot', () => {
  it.each(Object.entries(INTENT_SLOTS))('knows the interaction model\'s slots of %s', (intent, slots) => {
    expect(slots).toEqual(modelSlots(intent));
  });

  it.each(Object.keys(INTENT_SLOTS))('gives %s exactly its own slots, the secret one empty', (intent) => {
    // Act
    const updated = withSlot(heard(intent), 'environment', undefined);
    // Assess
    expect(updated.name).toBe(intent);
    expect(Object.keys(updated.slots ?? {})).toEqual(INTENT_SLOTS[intent]);
    expect(updated.slots?.environment).toEqual({ name: 'environment', confirmationStatus: 'NONE' });
    if (updated.slots?.pin) expect(updated.slots.pin).toEqual({ name: 'pin', confirmationStatus: 'NONE' });
    if (updated.slots?.service) expect(updated.slots.service.value).toBe('service heard');
  });

  it('carries the pin slot of Deploy and Rollback even when the request had none', () => {
    // Act
    const updated = withSlot({ name: 'DeployIntent', confirmationStatus: 'NONE', slots: {} }, 'service', 'checkout');
    // Assess
    expect(updated.slots).toEqual({
      service: { name: 'service', value: 'checkout', confirmationStatus: 'NONE' },
      environment: { name: 'environment', confirmationStatus: 'NONE' },
      pin: { name: 'pin', confirmationStatus: 'NONE' },
    });
  });

  it('keeps a slot under its own name even when the request filed it under another', () => {
    // Act
    const updated = withSlot({ name: 'LockIntent', confirmationStatus: 'NONE', slots: { environment: { name: 'service', value: 'prod', confirmationStatus: 'NONE' } } }, 'service', 'x');
    // Assess
    expect(updated.slots).toEqual({ environment: { name: 'environment', value: 'prod', confirmationStatus: 'NONE' } });
  });
});
