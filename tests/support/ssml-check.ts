import type { ResponseEnvelope } from 'ask-sdk-model';
import { ssmlProblem } from '../../tools/simulator/ssml';

/** Every SSML string in a response (speech and reprompt) that is not well-formed XML inside <speak>, or is over 8000 characters. */
export function invalidSsml(response: ResponseEnvelope): string[] {
  const speeches = [response.response.outputSpeech, response.response.reprompt?.outputSpeech]
    .filter((s): s is { type: 'SSML'; ssml: string } => s?.type === 'SSML');
  return speeches
    .map((s) => s.ssml)
    .filter((ssml) => ssmlProblem(ssml) !== undefined || ssml.length > 8000);
}
