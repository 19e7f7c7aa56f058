import { languageOf } from '../../lambda/src/domain/spoken';

/**
 * How people say the built-in intents, per language. Alexa understands these without any sample in the model;
 * samples the model adds are matched as well. A locale of a language not listed here gets English.
 */
const PHRASINGS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'sure', 'ok', 'okay', 'yes please', 'do it', 'go ahead', 'correct'],
    'AMAZON.NoIntent': ['no', 'nope', 'no thanks', "don't", 'do not'],
    'AMAZON.HelpIntent': ['help', 'what can i say', 'help me'],
    'AMAZON.StopIntent': ['stop', 'shut up', 'off'],
    'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
    'AMAZON.NavigateHomeIntent': ['go home'],
  },
  de: {
    'AMAZON.YesIntent': ['ja', 'jawohl', 'jep', 'klar', 'okay', 'ok', 'ja bitte', 'mach das', 'mach es', 'los', 'richtig', 'genau'],
    'AMAZON.NoIntent': ['nein', 'nee', 'nö', 'nein danke', 'lieber nicht', 'mach das nicht'],
    'AMAZON.HelpIntent': ['hilfe', 'was kann ich sagen', 'hilf mir'],
    'AMAZON.StopIntent': ['stopp', 'stop', 'halt', 'aus'],
    'AMAZON.CancelIntent': ['abbrechen', 'vergiss es', 'egal'],
    'AMAZON.NavigateHomeIntent': ['zum startbildschirm'],
  },
  fr: {
    'AMAZON.YesIntent': ['oui', 'ouais', 'd\'accord', 'ok', 'okay', 'oui s\'il te plaît', 'vas y', 'fais le', 'bien sûr', 'exact'],
    'AMAZON.NoIntent': ['non', 'non merci', 'surtout pas', 'ne le fais pas'],
    'AMAZON.HelpIntent': ['aide', 'à l\'aide', 'qu\'est ce que je peux dire', 'aide moi'],
    'AMAZON.StopIntent': ['stop', 'arrête', 'tais toi'],
    'AMAZON.CancelIntent': ['annule', 'laisse tomber', 'oublie'],
    'AMAZON.NavigateHomeIntent': ['retour à l\'accueil'],
  },
};

/** The English phrasings (en-US and the other English markets). */
export const BUILT_IN_PHRASINGS: Readonly<Record<string, readonly string[]>> = PHRASINGS.en ?? {};

/** The built-in intents' phrasings in a locale's language. */
export function builtInPhrasings(locale: string | undefined): Readonly<Record<string, readonly string[]>> {
  return PHRASINGS[languageOf(locale)] ?? BUILT_IN_PHRASINGS;
}

export { languageOf } from '../../lambda/src/domain/spoken';

/** Every skill gets these, declared or not (the developer console adds them to each model). */
export const ALWAYS_PRESENT_INTENTS: readonly string[] = ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.HelpIntent'];

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';
export const HELP_INTENT = 'AMAZON.HelpIntent';

/** Words that end the skill session: Alexa sends SessionEndedRequest (USER_INITIATED), not an intent. */
export const EXIT_UTTERANCES: readonly string[] = ['exit', 'quit', 'beenden', 'verlassen', 'quitter', 'sortir'];
