import type { RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import type { Logger } from '../logging/logger';
import { isRecord } from '../turn/request-shape';

/** Slots whose values are secrets: the spoken release code. Their values never reach a log line. */
const SECRET_SLOTS = new Set(['pin']);

/** Logs what was asked (type, intent, slot values, dialog state), never the tokens the envelope carries. */
export function requestLoggingInterceptor(logger: Logger): RequestInterceptor {
  return {
    process(input) {
      const request = input.requestEnvelope.request as unknown as Record<string, unknown>;
      const intent = isRecord(request.intent) ? request.intent : undefined;
      const slots = intent && isRecord(intent.slots)
        ? Object.fromEntries(Object.entries(intent.slots).map(([name, slot]) => [name, !isRecord(slot) || slot.value === undefined ? undefined : SECRET_SLOTS.has(name) ? '[redacted]' : slot.value]))
        : undefined;
      logger.log('info', 'request', {
        type: request.type,
        requestId: request.requestId,
        locale: request.locale,
        intent: intent?.name,
        confirmationStatus: intent?.confirmationStatus,
        dialogState: request.dialogState,
        slots,
      });
    },
  };
}

/** Logs what the skill answered: directives and whether the session ends. */
export function responseLoggingInterceptor(logger: Logger): ResponseInterceptor {
  return {
    process(_input, response) {
      logger.log('info', 'response', {
        directives: response?.directives?.map((d) => d.type),
        shouldEndSession: response?.shouldEndSession,
      });
    },
  };
}
