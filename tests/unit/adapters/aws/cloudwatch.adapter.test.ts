import 'aws-sdk-client-mock-jest';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchAdapter } from '../../../../lambda/src/adapters/aws/cloudwatch.adapter';
import { AccessDeniedError, ThrottledError } from '../../../../lambda/src/domain/errors';

const cloudWatchMock = mockClient(CloudWatchClient);

function makeAdapter() {
  const regions: string[] = [];
  const adapter = new CloudWatchAdapter((region) => {
    regions.push(region);
    return new CloudWatchClient({ region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  });
  return { adapter, regions };
}

beforeEach(() => cloudWatchMock.reset());

describe('CloudWatchAdapter.describe', () => {
  it('asks for the named alarms, metric and composite, in the environment\'s region', async () => {
    // Prepare
    cloudWatchMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });
    const { adapter, regions } = makeAdapter();

    // Act
    await adapter.describe({ names: ['checkout-5xx', 'checkout-health'], region: 'eu-west-1' });

    // Assess
    expect(cloudWatchMock).toHaveReceivedCommandWith(DescribeAlarmsCommand, {
      AlarmNames: ['checkout-5xx', 'checkout-health'], AlarmTypes: ['CompositeAlarm', 'MetricAlarm'], MaxRecords: 100,
    });
    expect(regions).toEqual(['eu-west-1']);
  });

  it('maps both kinds, dating each state from when it last changed', async () => {
    // Prepare
    const changed = new Date('2026-11-26T13:58:00Z');
    const updated = new Date('2026-11-26T13:59:00Z');
    cloudWatchMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [{ AlarmName: 'checkout-5xx', StateValue: 'ALARM', StateReason: 'Threshold Crossed', StateTransitionedTimestamp: changed, StateUpdatedTimestamp: updated }],
      CompositeAlarms: [{ AlarmName: 'checkout-health', StateValue: 'OK', StateUpdatedTimestamp: updated }],
    });

    // Act
    const alarms = await makeAdapter().adapter.describe({ names: ['checkout-5xx', 'checkout-health'], region: 'eu-west-1' });

    // Assess
    expect(alarms).toEqual([
      { name: 'checkout-5xx', kind: 'metric', state: 'ALARM', since: changed, reason: 'Threshold Crossed' },
      { name: 'checkout-health', kind: 'composite', state: 'OK', since: updated, reason: undefined },
    ]);
  });

  it('asks 100 names at a time, and follows NextToken', async () => {
    // Prepare
    const names = Array.from({ length: 150 }, (_, i) => `alarm-${String(i).padStart(3, '0')}`);
    cloudWatchMock.on(DescribeAlarmsCommand).callsFake((input: { AlarmNames: string[]; NextToken?: string }) => {
      const found = input.AlarmNames.map((AlarmName) => ({ AlarmName, StateValue: 'OK' }));
      if (input.AlarmNames.length === 100 && input.NextToken === undefined) return { MetricAlarms: found.slice(0, 60), NextToken: 'page-2' };
      if (input.NextToken === 'page-2') return { MetricAlarms: found.slice(60) };
      return { MetricAlarms: found };
    });

    // Act
    const alarms = await makeAdapter().adapter.describe({ names, region: 'eu-west-1' });

    // Assess
    const calls = cloudWatchMock.commandCalls(DescribeAlarmsCommand).map((c) => [c.args[0].input.AlarmNames?.length, c.args[0].input.NextToken]);
    expect(calls).toEqual(expect.arrayContaining([[100, undefined], [100, 'page-2'], [50, undefined]]));
    expect(calls).toHaveLength(3);
    expect(alarms.map((a) => a.name).sort()).toEqual(names);
  });

  it('asks each name once', async () => {
    cloudWatchMock.on(DescribeAlarmsCommand).resolves({});

    await makeAdapter().adapter.describe({ names: ['a', 'a', 'b'], region: 'eu-west-1' });

    expect(cloudWatchMock).toHaveReceivedCommandWith(DescribeAlarmsCommand, { AlarmNames: ['a', 'b'] });
  });

  it('translates the query API\'s throttling and access errors', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } });
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    cloudWatchMock.on(DescribeAlarmsCommand).rejectsOnce(throttled).rejectsOnce(denied);
    const { adapter } = makeAdapter();

    await expect(adapter.describe({ names: ['a'], region: 'eu-west-1' })).rejects.toBeInstanceOf(ThrottledError);
    await expect(adapter.describe({ names: ['a'], region: 'eu-west-1' })).rejects.toMatchObject({ constructor: AccessDeniedError, operation: 'DescribeAlarms' });
  });
});
