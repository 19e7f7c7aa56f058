import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InteractionModelError } from './errors';

/*
 * The shape ask-cli keeps in skill-package/interactionModels/custom/<locale>.json. Only what the simulator reads is
 * described; anything else in the file is allowed and ignored.
 */

const delegationStrategy = z.enum(['ALWAYS', 'SKILL_RESPONSE']);

const slotTypeValue = z.object({
  id: z.string().optional(),
  name: z.object({ value: z.string().min(1), synonyms: z.array(z.string()).optional() }),
});

const languageModel = z.object({
  invocationName: z.string().min(1),
  intents: z.array(
    z.object({
      name: z.string().min(1),
      slots: z.array(z.object({ name: z.string().min(1), type: z.string().min(1), samples: z.array(z.string()).optional() })).optional(),
      samples: z.array(z.string()).optional(),
    }),
  ),
  types: z.array(z.object({ name: z.string().min(1), values: z.array(slotTypeValue).optional() })).optional(),
});

const dialogModel = z.object({
  delegationStrategy: delegationStrategy.optional(),
  intents: z.array(
    z.object({
      name: z.string().min(1),
      delegationStrategy: delegationStrategy.optional(),
      confirmationRequired: z.boolean().optional(),
      prompts: z.object({ confirmation: z.string().optional() }).optional(),
      slots: z
        .array(
          z.object({
            name: z.string().min(1),
            type: z.string().min(1),
            elicitationRequired: z.boolean().optional(),
            confirmationRequired: z.boolean().optional(),
            prompts: z.object({ elicitation: z.string().optional(), confirmation: z.string().optional() }).optional(),
          }),
        )
        .optional(),
    }),
  ),
});

const prompts = z.array(
  z.object({
    id: z.string().min(1),
    variations: z.array(z.object({ type: z.enum(['PlainText', 'SSML']), value: z.string() })).min(1),
  }),
);

const interactionModelSchema = z.object({ languageModel, dialog: dialogModel.optional(), prompts: prompts.optional() });

export type DelegationStrategy = z.infer<typeof delegationStrategy>;
export type InteractionModel = z.infer<typeof interactionModelSchema>;
export type IntentDefinition = InteractionModel['languageModel']['intents'][number];
export type SlotTypeDefinition = NonNullable<InteractionModel['languageModel']['types']>[number];
export type DialogIntent = NonNullable<InteractionModel['dialog']>['intents'][number];
export type DialogSlot = NonNullable<DialogIntent['slots']>[number];

/**
 * Checks an interaction model: either the whole ask-cli file (`{ interactionModel: {…} }`) or its inner object.
 * Throws {@link InteractionModelError} naming every field that is wrong, including references that do not resolve
 * (a `{slot}` no intent declares, a prompt id that does not exist, a slot type that is neither custom nor AMAZON.*).
 */
export function parseInteractionModel(json: unknown, source = 'interaction model'): InteractionModel {
  const inner = isRecord(json) && 'interactionModel' in json ? json.interactionModel : json;
  const prefix = inner === json ? '' : 'interactionModel.';
  const parsed = interactionModelSchema.safeParse(inner);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${prefix}${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InteractionModelError(source, issues);
  }
  const issues = referenceIssues(parsed.data).map((issue) => `${prefix}${issue}`);
  if (issues.length > 0) throw new InteractionModelError(source, issues);
  return parsed.data;
}

/** Reads and checks an interaction model file (see {@link parseInteractionModel}). */
export async function loadInteractionModel(path: string): Promise<InteractionModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InteractionModelError(path, [`cannot read the file: ${(cause as Error).message}`], { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InteractionModelError(path, [`not JSON: ${(cause as Error).message}`], { cause });
  }
  return parseInteractionModel(json, path);
}

export function findIntent(model: InteractionModel, name: string): IntentDefinition | undefined {
  return model.languageModel.intents.find((intent) => intent.name === name);
}

export function findDialogIntent(model: InteractionModel, name: string): DialogIntent | undefined {
  return model.dialog?.intents.find((intent) => intent.name === name);
}

export function findSlotType(model: InteractionModel, name: string): SlotTypeDefinition | undefined {
  return model.languageModel.types?.find((type) => type.name === name);
}

/** The slot type of `slot` in `intent`, from the language model. */
export function slotTypeOf(model: InteractionModel, intent: string, slot: string): string | undefined {
  return findIntent(model, intent)?.slots?.find((s) => s.name === slot)?.type;
}

/** The intent's own strategy wins over the dialog's; Alexa's default is ALWAYS. */
export function delegationStrategyOf(model: InteractionModel, intent: string): DelegationStrategy {
  return findDialogIntent(model, intent)?.delegationStrategy ?? model.dialog?.delegationStrategy ?? 'ALWAYS';
}

/** The first variation of a prompt: the simulator is deterministic where Alexa picks at random. */
export function promptVariation(model: InteractionModel, id: string): { type: 'PlainText' | 'SSML'; value: string } | undefined {
  return model.prompts?.find((prompt) => prompt.id === id)?.variations[0];
}

function referenceIssues(model: InteractionModel): string[] {
  const issues: string[] = [];
  const customTypes = new Set((model.languageModel.types ?? []).map((t) => t.name));
  const promptIds = new Set((model.prompts ?? []).map((p) => p.id));
  model.languageModel.intents.forEach((intent, i) => {
    const declared = new Set((intent.slots ?? []).map((s) => s.name));
    (intent.slots ?? []).forEach((slot, s) => {
      if (!slot.type.startsWith('AMAZON.') && !customTypes.has(slot.type)) {
        issues.push(`languageModel.intents.${i}.slots.${s}.type: "${slot.type}" is neither a custom type nor AMAZON.*`);
      }
    });
    (intent.samples ?? []).forEach((sample, s) => {
      for (const name of slotReferences(sample)) {
        if (!declared.has(name)) issues.push(`languageModel.intents.${i}.samples.${s}: {${name}} is not a slot of ${intent.name}`);
      }
    });
  });
  (model.dialog?.intents ?? []).forEach((dialogIntent, i) => {
    const intent = findIntent(model, dialogIntent.name);
    if (!intent) issues.push(`dialog.intents.${i}.name: "${dialogIntent.name}" is not an intent of the language model`);
    const confirmation = dialogIntent.prompts?.confirmation;
    if (confirmation !== undefined && !promptIds.has(confirmation)) {
      issues.push(`dialog.intents.${i}.prompts.confirmation: no prompt has id "${confirmation}"`);
    }
    (dialogIntent.slots ?? []).forEach((slot, s) => {
      if (intent && !intent.slots?.some((declared) => declared.name === slot.name)) {
        issues.push(`dialog.intents.${i}.slots.${s}.name: "${slot.name}" is not a slot of ${dialogIntent.name}`);
      }
      for (const [kind, id] of Object.entries(slot.prompts ?? {})) {
        if (id !== undefined && !promptIds.has(id)) issues.push(`dialog.intents.${i}.slots.${s}.prompts.${kind}: no prompt has id "${id}"`);
      }
    });
  });
  return issues;
}

/** Names of the `{slot}` references in a sample. */
export function slotReferences(sample: string): string[] {
  return [...sample.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] ?? '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
