import { shortHash } from './ids';

/** CloudWatch alarms, as the deploy gate and the status answer see them. */

/** One alarm as CloudWatch describes it. */
export interface Alarm {
  readonly name: string;
  readonly kind: 'metric' | 'composite';
  /** OK, ALARM or INSUFFICIENT_DATA. */
  readonly state: string;
  /** When the alarm entered that state. */
  readonly since?: Date;
  readonly reason?: string;
}

/** What the configured alarms say: those in ALARM, and names CloudWatch has no alarm for. */
export interface AlarmReading {
  readonly firing: readonly Alarm[];
  /** Configured names that no alarm answers to: a typo, or a deleted alarm. A gate that cannot see fails closed. */
  readonly missing: readonly string[];
}

export const NO_ALARMS: AlarmReading = { firing: [], missing: [] };

/**
 * The reading of `names` from what CloudWatch described. DescribeAlarms leaves out a name it has no alarm for, so a
 * name not described is missing. INSUFFICIENT_DATA is not firing: only ALARM refuses a deploy.
 */
export function readAlarms(names: readonly string[], described: readonly Alarm[]): AlarmReading {
  const byName = new Map(described.map((alarm) => [alarm.name, alarm]));
  const wanted = [...new Set(names)];
  return {
    firing: wanted.flatMap((name) => {
      const alarm = byName.get(name);
      return alarm?.state === 'ALARM' ? [alarm] : [];
    }),
    missing: wanted.filter((name) => !byName.has(name)),
  };
}

/** A short key for a set of alarms: an override is for the alarms it was asked about; another one firing asks again. */
export function alarmSetKey(alarms: readonly Alarm[]): string {
  return shortHash(alarms.map((alarm) => alarm.name).sort().join('\n'));
}
