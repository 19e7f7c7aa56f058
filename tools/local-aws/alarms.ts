import type { Clock } from './clock';
import { AwsServiceError } from './wire';

/** CloudWatch alarms the stand-in keeps: just enough of them to be described, and a state that a test can set. */

export type AlarmType = 'MetricAlarm' | 'CompositeAlarm';
export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export const ALARM_STATES: readonly AlarmStateValue[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

export interface AlarmRecord {
  readonly name: string;
  readonly type: AlarmType;
  state: AlarmStateValue;
  reason: string;
  /** When StateValue last changed (StateTransitionedTimestamp). */
  transitionedAt: number;
  /** When the state was last set, changed or not (StateUpdatedTimestamp). */
  updatedAt: number;
  readonly configuredAt: number;
}

export interface AlarmSpec {
  readonly name: string;
  readonly type?: AlarmType;
  readonly state?: AlarmStateValue;
  readonly reason?: string;
  /** When it entered that state; default now. */
  readonly at?: number;
}

const INITIAL_REASON: Readonly<Record<AlarmStateValue, string>> = {
  OK: 'Threshold Crossed: 1 out of the last 1 datapoints [0.0] was not greater than the threshold (5.0).',
  ALARM: 'Threshold Crossed: 1 out of the last 1 datapoints [12.0] was greater than the threshold (5.0).',
  INSUFFICIENT_DATA: 'Insufficient Data: 1 datapoint was unknown.',
};

export class LocalAlarms {
  private readonly records = new Map<string, AlarmRecord>();

  constructor(private readonly clock: Clock) {}

  /** Creates the alarm, or replaces its definition and state (PutMetricAlarm / PutCompositeAlarm). */
  put(spec: AlarmSpec): AlarmRecord {
    const at = spec.at ?? this.clock.now();
    const state = spec.state ?? 'OK';
    const record: AlarmRecord = {
      name: spec.name, type: spec.type ?? 'MetricAlarm', state, reason: spec.reason ?? INITIAL_REASON[state],
      transitionedAt: at, updatedAt: at, configuredAt: Math.min(at, this.clock.now()),
    };
    this.records.set(spec.name, record);
    return record;
  }

  /** SetAlarmState: an alarm that does not exist is an error, as in CloudWatch. */
  setState(name: string, state: AlarmStateValue, reason = INITIAL_REASON[state], at = this.clock.now()): AlarmRecord {
    const record = this.records.get(name);
    if (record === undefined) throw new AwsServiceError('ResourceNotFound', `Alarm ${name} does not exist`, 404);
    if (record.state !== state) record.transitionedAt = at;
    record.state = state;
    record.reason = reason;
    record.updatedAt = at;
    return record;
  }

  delete(name: string): void {
    this.records.delete(name);
  }

  find(name: string): AlarmRecord | undefined {
    return this.records.get(name);
  }

  /** Every alarm, by name, as DescribeAlarms lists them. */
  all(): AlarmRecord[] {
    return [...this.records.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** An alarm setting that arrived as JSON (the control endpoint, a dialog's setup, the CLI). */
export function parseAlarmSetting(raw: unknown): { name: string; state: AlarmStateValue; reason?: string } {
  if (typeof raw !== 'object' || raw === null) throw new TypeError('an alarm setting must be a JSON object');
  const { name, state, reason } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || name === '' || name.length > 255) throw new TypeError('alarm "name" must be 1 to 255 characters');
  if (!ALARM_STATES.includes(state as AlarmStateValue)) throw new TypeError(`alarm "state" must be one of ${ALARM_STATES.join(', ')}`);
  if (reason !== undefined && typeof reason !== 'string') throw new TypeError('alarm "reason" must be a string');
  return { name, state: state as AlarmStateValue, ...(reason === undefined ? {} : { reason }) };
}
