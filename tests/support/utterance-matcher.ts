import type { InteractionModel } from '../../tools/model/interaction-model';

export interface Interpretation {
  readonly intent: string;
  readonly sample: string;
  /** Slot name → resolved value id. */
  readonly slots: Readonly<Record<string, string>>;
}

/**
 * A crude stand-in for Alexa's matching, enough to show which intent a phrase can land on: a sample matches when
 * the phrase equals it with each {slot} replaced by a value or synonym of the slot's type. Only matches whose
 * every slot resolves count (Alexa prefers those); comparison ignores case.
 */
export function interpret(model: InteractionModel, phrase: string): Interpretation[] {
  const language = model.interactionModel.languageModel;
  const phrasesByType = new Map<string, Map<string, string>>();
  for (const type of language.types ?? []) {
    const phrases = new Map<string, string>();
    for (const value of type.values ?? []) {
      for (const said of [value.name.value, ...value.name.synonyms]) phrases.set(said.toLowerCase(), value.id ?? value.name.value);
    }
    phrasesByType.set(type.name, phrases);
  }

  const results: Interpretation[] = [];
  for (const intent of language.intents) {
    for (const sample of intent.samples ?? []) {
      const slotNames: string[] = [];
      const pattern = sample.toLowerCase().replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
        slotNames.push(name);
        return '(.+?)';
      });
      const match = new RegExp(`^${pattern}$`).exec(phrase.toLowerCase());
      if (match === null) continue;
      const slots: Record<string, string> = {};
      const resolved = slotNames.every((name, i) => {
        const type = intent.slots?.find((slot) => slot.name === name)?.type ?? '';
        const id = phrasesByType.get(type)?.get(match[i + 1] ?? '');
        if (id !== undefined) slots[name] = id;
        return id !== undefined;
      });
      if (resolved) results.push({ intent: intent.name, sample, slots });
    }
  }
  return results;
}
