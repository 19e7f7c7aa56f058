/**
 * How people say the built-in intents. Alexa understands these without any sample in the model; samples the model
 * adds are matched as well.
 */
export const BUILT_IN_PHRASINGS: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'sure', 'ok', 'okay', 'yes please', 'do it', 'go ahead', 'correct'],
  'AMAZON.NoIntent': ['no', 'nope', 'no thanks', "don't", 'do not'],
  'AMAZON.HelpIntent': ['help', 'what can i say', 'help me'],
  'AMAZON.StopIntent': ['stop', 'shut up', 'off'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
  'AMAZON.NavigateHomeIntent': ['go home'],
};

/** Every skill gets these, declared or not (the developer console adds them to each model). */
export const ALWAYS_PRESENT_INTENTS: readonly string[] = ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.HelpIntent'];

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';
export const HELP_INTENT = 'AMAZON.HelpIntent';

/** Words that end the skill session: Alexa sends SessionEndedRequest (USER_INITIATED), not an intent. */
export const EXIT_UTTERANCES: readonly string[] = ['exit', 'quit'];
