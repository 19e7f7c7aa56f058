import type { InteractionModel } from '../../tools/model/interaction-model';

export interface Interpretation {
  readonly intent: string;
  readonly sample: string;
  /** Slot name → resolved value id. */
  readonly slots: Readonly<Record<string, string>>;
}

interface CompiledSample {
  readonly intent: string;
  readonly sample: string;
  readonly pattern: RegExp;
  /** The type of each {slot}, in the order the pattern captures them. */
  readonly slots: readonly { readonly name: string; readonly type: string }[];
}

interface CompiledModel {
  /** Slot type → each value and synonym, lower case → the value's id. */
  readonly phrasesByType: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly samples: readonly CompiledSample[];
}

/**
 * Each model's samples as patterns, made on its first interpret(): the tests read every sample of a model against
 * all the others, and building every pattern again for each phrase was some 2.5 CPU-s of a run. A model is read as
 * it is then; the tests never change one after reading it.
 */
const compiledModels = new WeakMap<InteractionModel, CompiledModel>();

function compile(model: InteractionModel): CompiledModel {
  const language = model.interactionModel.languageModel;
  const phrasesByType = new Map<string, Map<string, string>>();
  for (const type of language.types ?? []) {
    const phrases = new Map<string, string>();
    for (const value of type.values ?? []) {
      for (const said of [value.name.value, ...value.name.synonyms]) phrases.set(said.toLowerCase(), value.id ?? value.name.value);
    }
    phrasesByType.set(type.name, phrases);
  }
  const samples = language.intents.flatMap((intent) => (intent.samples ?? []).map((sample): CompiledSample => {
    const slots: { name: string; type: string }[] = [];
    const pattern = sample.toLowerCase().replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
      slots.push({ name, type: intent.slots?.find((slot) => slot.name === name)?.type ?? '' });
      return '(.+?)';
    });
    return { intent: intent.name, sample, pattern: new RegExp(`^${pattern}$`), slots };
  }));
  return { phrasesByType, samples };
}

/**
 * A crude stand-in for Alexa's matching, enough to show which intent a phrase can land on: a sample matches when
 * the phrase equals it with each {slot} replaced by a value or synonym of the slot's type. Only matches whose
 * every slot resolves count (Alexa prefers those); comparison ignores case.
 */
export function interpret(model: InteractionModel, phrase: string): Interpretation[] {
  const compiled = compiledModels.get(model) ?? compile(model);
  compiledModels.set(model, compiled);
  const said = phrase.toLowerCase();
  const results: Interpretation[] = [];
  for (const { intent, sample, pattern, slots: slotTypes } of compiled.samples) {
    const match = pattern.exec(said);
    if (match === null) continue;
    const slots: Record<string, string> = {};
    const resolved = slotTypes.every(({ name, type }, i) => {
      const id = compiled.phrasesByType.get(type)?.get(match[i + 1] ?? '');
      if (id !== undefined) slots[name] = id;
      return id !== undefined;
    });
    if (resolved) results.push({ intent, sample, slots });
  }
  return results;
}
