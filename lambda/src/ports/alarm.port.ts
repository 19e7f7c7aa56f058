import type { Alarm } from '../domain/alarms';
import type { AlarmsRef } from '../domain/release';

/** Alarms that watch a service (CloudWatch in production). Every method may throw a PushToProdError. */
export interface AlarmPort {
  /** The named alarms, metric and composite. A name no alarm answers to is left out, as CloudWatch leaves it out. */
  describe(alarms: AlarmsRef): Promise<Alarm[]>;
}
