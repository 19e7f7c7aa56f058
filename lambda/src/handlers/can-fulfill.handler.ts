import type { RequestHandler } from 'ask-sdk-core';
import type { canfulfill } from 'ask-sdk-model';
import type { Catalog } from '../domain/catalog';
import { isRecord, localeOf, requestType, spokenSlot } from '../turn/request-shape';

/**
 * CanFulfillIntentRequest: Alexa asks whether this skill could handle a name-free request. Answering must have no
 * side effects, so this reads only the config, never AWS, and starts nothing. `answers` says which intents the
 * intent table offers to name-free requests.
 */
export function canFulfillHandler(catalog: Catalog, answers: (intent: string) => boolean): RequestHandler {
  return {
    canHandle: (input) => requestType(input) === 'CanFulfillIntentRequest',
    handle(input) {
      const request = input.requestEnvelope.request as { intent?: { name?: unknown; slots?: unknown } };
      const name = request.intent?.name;
      const ours = typeof name === 'string' && answers(name);
      const slots: Record<string, canfulfill.CanFulfillSlot> = {};
      if (ours && isRecord(request.intent?.slots)) {
        const intent = { name, confirmationStatus: 'NONE' as const, slots: request.intent.slots as never };
        const locale = localeOf(input);
        const service = catalog.resolveService(spokenSlot(intent, 'service', locale));
        for (const slotName of Object.keys(request.intent.slots)) {
          const known = slotName === 'service' ? service.kind === 'resolved'
            : slotName === 'environment' && service.kind === 'resolved'
              ? catalog.resolveEnvironment(service.value, spokenSlot(intent, 'environment', locale)).kind === 'resolved'
              : false;
          slots[slotName] = { canUnderstand: known ? 'YES' : 'MAYBE', canFulfill: known ? 'YES' : 'NO' };
        }
      }
      return input.responseBuilder
        .withCanFulfillIntent({ canFulfill: ours ? 'MAYBE' : 'NO', slots })
        .getResponse();
    },
  };
}
