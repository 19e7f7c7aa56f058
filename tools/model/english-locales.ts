import type { InteractionModel } from './interaction-model';

/**
 * The English markets beside en-US. Each has an interaction model of its own (Alexa keeps one per locale), derived
 * here from en-US so that the five cannot drift apart: the same intents, slots, dialog and hand-kept types, with the
 * samples of en-US and the phrasings of that market added. `npm run model` writes them; a test holds the committed
 * files to this derivation. Only phrasings people in that market use and en-US lacks are listed; where a market talks
 * like the US (most of en-CA), it gets little or nothing, on purpose.
 */
export const DERIVED_ENGLISH_LOCALES = ['en-AU', 'en-CA', 'en-GB', 'en-IN'] as const;
export type DerivedEnglishLocale = typeof DERIVED_ENGLISH_LOCALES[number];
export const SOURCE_LOCALE = 'en-US';

/** British phrasing ("put it live", "the state of prod", "how did we get on"), shared by markets that use it. */
const BRITISH: Readonly<Record<string, readonly string[]>> = {
  DeployIntent: [
    'put the latest {service} live', 'get {service} out to {environment}', 'get {service} live',
    'push {service} out to {environment}', 'put the latest {service} on {environment}',
  ],
  RollbackIntent: ['take {service} back to the last good version', 'put {service} back to the previous version'],
  StatusIntent: [
    "what's the state of {environment}", "what's the state of {service}", "what's the state of {service} in {environment}",
    'what state is {environment} in', 'what state is {service} in',
  ],
  ReportIntent: ['how did we get on', 'how did we get on {period}', 'how did {service} get on {period}'],
  LockIntent: ['put a hold on {environment}'],
};

/** The phrasings each market adds to en-US's samples, by intent. */
const MARKET_SAMPLES: Readonly<Record<DerivedEnglishLocale, Readonly<Record<string, readonly string[]>>>> = {
  'en-GB': BRITISH,
  'en-AU': {
    ...BRITISH,
    DeployIntent: [...(BRITISH.DeployIntent ?? []), 'send {service} out to {environment}', 'chuck {service} out to {environment}'],
    StatusIntent: [...(BRITISH.StatusIntent ?? []), "how's {environment} looking", "how's {service} looking in {environment}"],
  },
  'en-IN': {
    DeployIntent: [
      'do the deployment of {service}', 'do the deployment of {service} to {environment}', 'do the deployment to {environment}',
      'kindly deploy {service} to {environment}', 'kindly push {service} to {environment}', 'kindly push to {environment}',
    ],
    RollbackIntent: ['do the rollback of {service}', 'do the rollback of {service} in {environment}', 'kindly roll back {service}'],
    StatusIntent: ['what is the current status of {service}', 'what is the current status of {environment}', 'kindly tell me the status of {service}'],
    ApproveIntent: ['kindly approve the {service} release'],
  },
  'en-CA': {
    StatusIntent: ["what's the state of {environment}"],
  },
};

/** The en-US model as `locale`'s: en-US's samples, then the market's own, each once. The input is not changed. */
export function deriveEnglishModel(source: InteractionModel, locale: DerivedEnglishLocale): InteractionModel {
  const extra = MARKET_SAMPLES[locale];
  const language = source.interactionModel.languageModel;
  const intents = language.intents.map((intent) => {
    const added = extra[intent.name] ?? [];
    if (added.length === 0) return intent;
    const own = new Set((intent.samples ?? []).map((sample) => sample.toLowerCase()));
    return { ...intent, samples: [...(intent.samples ?? []), ...added.filter((sample) => !own.has(sample.toLowerCase()))] };
  });
  const unknown = Object.keys(extra).filter((name) => !language.intents.some((intent) => intent.name === name));
  if (unknown.length > 0) throw new Error(`${locale}: samples for intents en-US does not have: ${unknown.join(', ')}`);
  return { ...source, interactionModel: { ...source.interactionModel, languageModel: { ...language, intents } } };
}
