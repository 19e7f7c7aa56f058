import { XMLValidator } from 'fast-xml-parser';

/**
 * Why an SSML string would make Alexa refuse the response, or undefined when it is fine. Alexa parses outputSpeech
 * of type SSML as XML whose root is <speak> (SSML reference, developer.amazon.com/docs/custom-skills/
 * speech-synthesis-markup-language-ssml-reference.html); anything that is not well-formed ends the session with "There
 * was a problem with the requested skill's response". fast-xml-parser's validator is the well-kept check for
 * well-formedness; the tags themselves are not checked against Alexa's list.
 */
export function ssmlProblem(ssml: string): string | undefined {
  if (!/^<speak>[\s\S]*<\/speak>$/.test(ssml)) return 'is not wrapped in <speak>…</speak>';
  const result = XMLValidator.validate(ssml);
  return result === true ? undefined : `is not well-formed XML (${result.err.msg}, line ${result.err.line})`;
}
