import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Directive, IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { parseInteractionModel, type InteractionModel } from '../../../../tools/simulator/model';
import { Simulator, type SkillInvoker } from '../../../../tools/simulator/simulator';

export const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
export const FIXTURE_PATH = join(__dirname, '../../../fixtures/simulator/release-captain.en-US.json');

/** A fresh copy each time, so a test may change it without touching others. */
export function fixtureModel(): InteractionModel {
  return parseInteractionModel(JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')), FIXTURE_PATH);
}

export interface SpeakOptions {
  readonly end?: boolean;
  readonly directives?: Directive[];
  readonly attributes?: Record<string, unknown>;
}

/** A response as ask-sdk-core builds one: SSML speech, optional directives, session attributes. */
export function speak(text: string | undefined, options: SpeakOptions = {}): ResponseEnvelope {
  return {
    version: '1.0',
    ...(options.attributes ? { sessionAttributes: options.attributes } : {}),
    response: {
      ...(text !== undefined ? { outputSpeech: { type: 'SSML', ssml: `<speak>${text}</speak>` } } : {}),
      ...(options.directives ? { directives: options.directives } : {}),
      ...(options.end !== undefined ? { shouldEndSession: options.end } : {}),
    },
  };
}

/** A skill that answers with `answer` and keeps every envelope it got. */
export function recordingSkill(answer: (envelope: RequestEnvelope) => ResponseEnvelope | Promise<ResponseEnvelope>): {
  invoker: SkillInvoker;
  received: RequestEnvelope[];
} {
  const received: RequestEnvelope[] = [];
  const invoker: SkillInvoker = async (envelope) => {
    received.push(structuredClone(envelope));
    return answer(envelope);
  };
  return { invoker, received };
}

/** Names the request the way the tests talk about it: "LaunchRequest", "DeployIntent", "SessionEndedRequest". */
export function describeRequest(envelope: RequestEnvelope | undefined): string {
  const request = envelope?.request;
  if (!request) return 'nothing';
  return request.type === 'IntentRequest' ? request.intent.name : request.type;
}

export function intentRequestOf(envelope: RequestEnvelope | undefined): IntentRequest {
  if (envelope?.request.type !== 'IntentRequest') throw new Error(`expected an IntentRequest, got ${describeRequest(envelope)}`);
  return envelope.request;
}

/** Slot name → value of an intent request, for the filled slots. */
export function slotValuesOf(envelope: RequestEnvelope | undefined): Record<string, string | undefined> {
  const slots = intentRequestOf(envelope).intent.slots ?? {};
  return Object.fromEntries(Object.entries(slots).filter(([, s]) => s.value !== undefined).map(([name, s]) => [name, s.value]));
}

let counter = 0;
/** A simulator on the fixture model with predictable ids and clock. */
export function simulatorFor(invoker: SkillInvoker, model: InteractionModel = fixtureModel()): Simulator {
  return new Simulator({
    model,
    invoker,
    skillId: SKILL_ID,
    locale: 'en-US',
    userId: 'amzn1.ask.account.TESTUSER',
    deviceId: 'amzn1.ask.device.TESTDEVICE',
    uuid: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
    clock: () => new Date('2025-03-04T05:06:07.890Z'),
  });
}
