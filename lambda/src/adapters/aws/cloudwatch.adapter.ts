import type { CloudWatchClient, CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Alarm } from '../../domain/alarms';
import type { AlarmsRef } from '../../domain/release';
import type { AlarmPort } from '../../ports/alarm.port';
import { DescribeAlarmsCommand } from './sdk';
import { sendCommand } from './send';

/** DescribeAlarms takes at most 100 AlarmNames, and answers at most 100 alarms a page. */
const NAMES_PER_CALL = 100;
/** More pages than 100 names can fill means a broken token: stop rather than loop. */
const MAX_PAGES_PER_CALL = 5;

function toAlarm(alarm: MetricAlarm | CompositeAlarm, kind: Alarm['kind']): Alarm | undefined {
  if (alarm.AlarmName === undefined) return undefined;
  return {
    name: alarm.AlarmName,
    kind,
    state: alarm.StateValue ?? 'UNKNOWN',
    // The moment the state last changed; StateUpdatedTimestamp also moves when an alarm is re-evaluated into the
    // same state (a composite's, for one), so it is only the fallback.
    since: alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp,
    reason: alarm.StateReason,
  };
}

/** AlarmPort on CloudWatch: DescribeAlarms for the named alarms, metric and composite, 100 names a call. */
export class CloudWatchAdapter implements AlarmPort {
  constructor(private readonly clientFor: (region: string) => CloudWatchClient) {}

  async describe(alarms: AlarmsRef): Promise<Alarm[]> {
    const names = [...new Set(alarms.names)];
    const chunks: string[][] = [];
    for (let i = 0; i < names.length; i += NAMES_PER_CALL) chunks.push(names.slice(i, i + NAMES_PER_CALL));
    const pages = await Promise.all(chunks.map((chunk) => this.describeChunk(chunk, alarms.region)));
    return pages.flat();
  }

  private async describeChunk(names: string[], region: string): Promise<Alarm[]> {
    const found: Alarm[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_CALL; page += 1) {
      const output = await sendCommand(
        this.clientFor(region),
        new DescribeAlarmsCommand({
          AlarmNames: names,
          // Without AlarmTypes, CloudWatch answers with metric alarms only.
          AlarmTypes: ['CompositeAlarm', 'MetricAlarm'],
          MaxRecords: NAMES_PER_CALL,
          ...(nextToken === undefined ? {} : { NextToken: nextToken }),
        }),
        { operation: 'DescribeAlarms', mutating: false, retrySafe: true },
      );
      for (const alarm of output.MetricAlarms ?? []) found.push(...optional(toAlarm(alarm, 'metric')));
      for (const alarm of output.CompositeAlarms ?? []) found.push(...optional(toAlarm(alarm, 'composite')));
      nextToken = output.NextToken;
      if (nextToken === undefined || nextToken === '') return found;
    }
    return found;
  }
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
