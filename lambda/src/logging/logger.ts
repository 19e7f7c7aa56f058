/**
 * Structured logging: one JSON object per line, which CloudWatch Logs Insights can query. Keys that can hold
 * credentials are redacted wherever they appear, however deep.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEYS = /^(apiaccesstoken|accesstoken|consenttoken|token|authorization|password|secret|pin|signature|x-amz-security-token|sessiontoken)$/i;

/** A copy of `value` with every secret-looking key replaced by "[redacted]". */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.test(k) && v !== undefined && v !== null ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** A logger writing JSON lines through `write` (console.log on Lambda). */
export function jsonLogger(write: (line: string) => void = (line) => console.log(line), minLevel: LogLevel = 'info'): Logger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  return {
    log(level, event, fields = {}) {
      if (order[level] < order[minLevel]) return;
      write(JSON.stringify(redact({ level, event, time: new Date().toISOString(), ...fields })));
    },
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = { log: () => undefined };
