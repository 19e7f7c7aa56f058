/** Alexa's side of a conversation, simulated from a skill's interaction model, for offline `ask dialog` replays. */
export { Simulator, PROBLEM_CAPTION, type Caption, type SkillInvoker, type SimulatorOptions, type Turn } from './simulator';
export { startLocalAlexaApi, type AlexaApiBehaviour, type LocalAlexaApi, type ReceivedDirective } from './alexa-api';
export { loadInteractionModel, parseInteractionModel, type InteractionModel } from './model';
export { parseReplay, readReplayFile, runReplay, type ReplayScript } from './replay';
export { captionOf, cardsOf, formatTranscript, ssmlToCaption, transcriptLines, type TranscriptTurn } from './transcript';
export { parseInvocation, type Invocation } from './invocation';
export { UtteranceMatcher, type Match } from './matcher';
export { SimulatorError, InteractionModelError, ReplayFileError, SkillResponseRejectedError } from './errors';
export { responseBreaches, type ResponseRule, type RuleBreach } from './response-rules';
export { ssmlProblem } from './ssml';
