import {
  DescribeAlarmsCommand, InvalidNextToken, InvalidParameterCombinationException, type DescribeAlarmsCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { ManualClock, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { clientsFor, testConfig } from './clients';

const DAY_MS = 24 * 3_600_000;

describe('local-aws CloudWatch', () => {
  let clock: ManualClock;
  let aws: LocalAws;
  let clients: ReturnType<typeof clientsFor>;
  const config = testConfig({
    services: [{
      name: 'checkout', synonyms: [],
      environments: {
        production: { pipeline: 'checkout-prod', alarms: ['checkout-5xx', 'checkout-latency'] },
      },
    }],
  });

  beforeEach(async () => {
    clock = new ManualClock();
    aws = await startLocalAws({ config, clock });
    clients = clientsFor(aws.url);
  });

  afterEach(async () => {
    clients.destroy();
    await aws.close();
  });

  const describeAlarms = (input: DescribeAlarmsCommandInput) => clients.cloudWatch.send(new DescribeAlarmsCommand(input));

  it('answers the SDK over AWS JSON 1.0 with the alarms the config names, in OK since a day ago', async () => {
    // Act
    const output = await describeAlarms({ AlarmNames: ['checkout-5xx', 'checkout-latency'], AlarmTypes: ['CompositeAlarm', 'MetricAlarm'] });

    // Assess
    expect(output.MetricAlarms?.map((a) => [a.AlarmName, a.StateValue, a.StateTransitionedTimestamp])).toEqual([
      ['checkout-5xx', 'OK', new Date(clock.now() - DAY_MS)],
      ['checkout-latency', 'OK', new Date(clock.now() - DAY_MS)],
    ]);
    expect(output.MetricAlarms?.[0]?.AlarmArn).toBe('arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-5xx');
    expect(output.CompositeAlarms).toEqual([]);
    const call = aws.calls().at(-1);
    expect({ service: call?.service, operation: call?.operation }).toEqual({ service: 'cloudwatch', operation: 'DescribeAlarms' });
  });

  it('leaves out names that match no alarm instead of reporting them', async () => {
    // Act
    const output = await describeAlarms({ AlarmNames: ['checkout-5xx', 'no-such-alarm'], AlarmTypes: ['CompositeAlarm', 'MetricAlarm'] });

    // Assess
    expect(output.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['checkout-5xx']);
  });

  it('returns only metric alarms when no alarm types are asked for, as CloudWatch does', async () => {
    // Prepare
    aws.store.alarms.put({ name: 'checkout-health', type: 'CompositeAlarm', state: 'ALARM' });

    // Act
    const withoutTypes = await describeAlarms({ AlarmNames: ['checkout-health'] });
    const withTypes = await describeAlarms({ AlarmNames: ['checkout-health'], AlarmTypes: ['CompositeAlarm', 'MetricAlarm'] });

    // Assess
    expect(withoutTypes.CompositeAlarms).toBeUndefined();
    expect(withoutTypes.MetricAlarms).toEqual([]);
    expect(withTypes.CompositeAlarms?.map((a) => [a.AlarmName, a.StateValue])).toEqual([['checkout-health', 'ALARM']]);
  });

  it('dates a state from when it changed, not from when it was last set', async () => {
    // Prepare
    clock.advance(60_000);
    aws.store.alarms.setState('checkout-5xx', 'ALARM', 'Threshold Crossed');
    const changedAt = clock.now();
    clock.advance(60_000);
    aws.store.alarms.setState('checkout-5xx', 'ALARM', 'Threshold Crossed again');

    // Act
    const [alarm] = (await describeAlarms({ AlarmNames: ['checkout-5xx'] })).MetricAlarms ?? [];

    // Assess
    expect(alarm?.StateValue).toBe('ALARM');
    expect(alarm?.StateReason).toBe('Threshold Crossed again');
    expect(alarm?.StateTransitionedTimestamp).toEqual(new Date(changedAt));
    expect(alarm?.StateUpdatedTimestamp).toEqual(new Date(clock.now()));
  });

  it('pages with MaxRecords and NextToken', async () => {
    // Prepare
    for (const name of ['a', 'b', 'c']) aws.store.alarms.put({ name });

    // Act
    const first = await describeAlarms({ AlarmNamePrefix: '', MaxRecords: 2 });
    const second = await describeAlarms({ AlarmNamePrefix: '', MaxRecords: 2, NextToken: first.NextToken });
    const third = await describeAlarms({ AlarmNamePrefix: '', MaxRecords: 2, NextToken: second.NextToken });

    // Assess
    expect([first, second, third].map((page) => page.MetricAlarms?.map((a) => a.AlarmName))).toEqual([['a', 'b'], ['c', 'checkout-5xx'], ['checkout-latency']]);
    expect(third.NextToken).toBeUndefined();
  });

  it('refuses what CloudWatch refuses, with the error classes the SDK knows', async () => {
    await expect(describeAlarms({ AlarmNames: ['a'], AlarmNamePrefix: 'a' })).rejects.toBeInstanceOf(InvalidParameterCombinationException);
    await expect(describeAlarms({ NextToken: 'not-a-token' })).rejects.toBeInstanceOf(InvalidNextToken);
    await expect(describeAlarms({ AlarmNames: Array.from({ length: 101 }, (_, i) => `alarm-${i}`) })).rejects.toMatchObject({ name: 'ValidationException', Code: 'ValidationError' });
    await expect(describeAlarms({ MaxRecords: 101 })).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('takes throttling and access faults in the query API\'s words', async () => {
    // Prepare
    aws.faults.inject({ service: 'cloudwatch', kind: 'throttle', times: 1 });
    aws.faults.inject({ service: 'cloudwatch', kind: 'accessDenied', times: 1 });

    // Act, Assess
    await expect(describeAlarms({ AlarmNames: ['checkout-5xx'] })).rejects.toMatchObject({ name: 'Throttling', $metadata: { httpStatusCode: 400 } });
    await expect(describeAlarms({ AlarmNames: ['checkout-5xx'] })).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('lets a person set an alarm through the side door', async () => {
    // Act
    const response = await fetch(`${aws.url}/_local/alarms`, { method: 'POST', body: JSON.stringify({ name: 'checkout-5xx', state: 'ALARM', reason: 'five hundreds' }) });
    const refused = await fetch(`${aws.url}/_local/alarms`, { method: 'POST', body: JSON.stringify({ name: 'checkout-5xx', state: 'RED' }) });

    // Assess
    expect([response.status, await response.json()]).toEqual([200, { name: 'checkout-5xx', state: 'ALARM', reason: 'five hundreds' }]);
    expect(aws.store.alarms.find('checkout-5xx')).toMatchObject({ state: 'ALARM', reason: 'five hundreds' });
    expect([refused.status, await refused.json()]).toEqual([400, { message: 'alarm "state" must be one of OK, ALARM, INSUFFICIENT_DATA' }]);
  });
});
