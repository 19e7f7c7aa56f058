import { XMLValidator } from 'fast-xml-parser';
import type { ResponseEnvelope } from 'ask-sdk-model';

/** Every SSML string in a response (speech and reprompt), each checked to be well-formed XML inside <speak>. */
export function invalidSsml(response: ResponseEnvelope): string[] {
  const speeches = [response.response.outputSpeech, response.response.reprompt?.outputSpeech]
    .filter((s): s is { type: 'SSML'; ssml: string } => s?.type === 'SSML');
  return speeches
    .map((s) => s.ssml)
    .filter((ssml) => !/^<speak>[\s\S]*<\/speak>$/.test(ssml) || XMLValidator.validate(ssml) !== true || ssml.length > 8000);
}
