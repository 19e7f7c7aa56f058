/** Faults a test or the CLI injects, to see how the skill behaves when AWS misbehaves. */

export const SERVICE_NAMES = ['codepipeline', 'codedeploy', 'dynamodb', 'cloudwatch', 'ssm'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const FAULT_KINDS = ['throttle', 'accessDenied', 'serverError', 'slow', 'hang', 'notFound'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** Only calls to this service; default every one. */
  readonly service?: ServiceName;
  /** Only this operation, e.g. "StartPipelineExecution"; default all. */
  readonly operation?: string;
  readonly kind: FaultKind;
  /** How many calls it hits; default every call until `clear()`. */
  readonly times?: number;
  /** For 'slow': how long the answer is held back. */
  readonly delayMs?: number;
}

export const DEFAULT_SLOW_DELAY_MS = 2000;

/** Checks a fault that arrived as JSON (over HTTP or from the command line). */
export function parseFaultSpec(raw: unknown): FaultSpec {
  if (typeof raw !== 'object' || raw === null) throw new TypeError('a fault must be a JSON object');
  const spec = raw as Record<string, unknown>;
  if (!FAULT_KINDS.includes(spec.kind as FaultKind)) throw new TypeError(`fault "kind" must be one of ${FAULT_KINDS.join(', ')}`);
  if (spec.service !== undefined && !SERVICE_NAMES.includes(spec.service as ServiceName)) {
    throw new TypeError(`fault "service" must be one of ${SERVICE_NAMES.join(', ')}`);
  }
  if (spec.operation !== undefined && typeof spec.operation !== 'string') throw new TypeError('fault "operation" must be a string');
  for (const key of ['times', 'delayMs'] as const) {
    const value = spec[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) {
      throw new TypeError(`fault "${key}" must be a whole number`);
    }
  }
  return {
    kind: spec.kind as FaultKind,
    service: spec.service as ServiceName | undefined,
    operation: spec.operation as string | undefined,
    times: spec.times as number | undefined,
    delayMs: spec.delayMs as number | undefined,
  };
}

export class Faults {
  private readonly rules: { spec: FaultSpec; remaining: number }[] = [];

  inject(spec: FaultSpec): void {
    const checked = parseFaultSpec(spec);
    if (checked.times === 0) return;
    this.rules.push({ spec: checked, remaining: checked.times ?? Infinity });
  }

  clear(): void {
    this.rules.splice(0);
  }

  /** Faults still waiting to hit, in the order they were injected. */
  active(): FaultSpec[] {
    return this.rules.map((rule) => rule.spec);
  }

  /** The first fault that matches this call, counting it as used. */
  take(service: ServiceName, operation: string): FaultSpec | undefined {
    const index = this.rules.findIndex((rule) => (rule.spec.service === undefined || rule.spec.service === service)
      && (rule.spec.operation === undefined || rule.spec.operation === operation));
    const rule = this.rules[index];
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return rule.spec;
  }
}
