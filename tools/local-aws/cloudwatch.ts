import { ALARM_STATES, type AlarmRecord, type AlarmStateValue, type AlarmType } from './alarms';
import type { Operation } from './codepipeline';
import { ACCOUNT_ID, type LocalAwsStore } from './store';
import { AwsServiceError, decodeToken, encodeToken, type Input, optionalString, toEpochSeconds as s } from './wire';

/**
 * The CloudWatch operation the stand-in answers (DescribeAlarms), as @aws-sdk/client-cloudwatch speaks it now: AWS
 * JSON 1.0 (`X-Amz-Target: GraniteServiceVersion20100801.DescribeAlarms`) in query-compatible mode, so an error
 * also carries its old query-API code in an `x-amzn-query-error` header, which the SDK reads first (QUERY_CODES).
 */

export const CLOUDWATCH_TARGET_PREFIX = 'GraniteServiceVersion20100801';

/** The Smithy error shapes' query-API codes (their awsQueryError trait in the SDK's schema). */
export const QUERY_CODES: Readonly<Record<string, string>> = {
  InvalidNextToken: 'InvalidNextToken',
  InvalidParameterCombinationException: 'InvalidParameterCombination',
  InvalidParameterValueException: 'InvalidParameterValue',
  ValidationException: 'ValidationError',
  InternalServiceFault: 'InternalServiceError',
  ResourceNotFound: 'ResourceNotFound',
  // Faults the server injects, in the query API's own words.
  ThrottlingException: 'Throttling',
  AccessDeniedException: 'AccessDenied',
  InternalFailure: 'InternalFailure',
};

const ALARM_TYPES: readonly string[] = ['CompositeAlarm', 'MetricAlarm', 'LogAlarm'];
const MAX_ALARM_NAMES = 100;
const DEFAULT_MAX_RECORDS = 50;

const invalid = (message: string) => new AwsServiceError('ValidationException', `1 validation error detected: ${message}`);

function stringList(input: Input, member: string): string[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new AwsServiceError('SerializationException', `'${member}' must be a list of strings`);
  }
  return value as string[];
}

function alarmArn(store: LocalAwsStore, name: string): string {
  return `arn:aws:cloudwatch:${store.region}:${ACCOUNT_ID}:alarm:${name}`;
}

/** What DescribeAlarms says of every alarm, metric or composite: its name, actions and state. */
function alarmFields(store: LocalAwsStore, alarm: AlarmRecord) {
  return {
    AlarmName: alarm.name,
    AlarmArn: alarmArn(store, alarm.name),
    AlarmConfigurationUpdatedTimestamp: s(alarm.configuredAt),
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [`arn:aws:sns:${store.region}:${ACCOUNT_ID}:on-call`],
    InsufficientDataActions: [],
    StateValue: alarm.state,
    StateReason: alarm.reason,
    StateUpdatedTimestamp: s(alarm.updatedAt),
    StateTransitionedTimestamp: s(alarm.transitionedAt),
  };
}

function metricAlarm(store: LocalAwsStore, alarm: AlarmRecord) {
  return {
    ...alarmFields(store, alarm),
    MetricName: 'HTTPCode_Target_5XX_Count',
    Namespace: 'AWS/ApplicationELB',
    Statistic: 'Sum',
    Dimensions: [{ Name: 'LoadBalancer', Value: `app/${alarm.name}/50dc6c495c0c9188` }],
    Period: 60,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: 5,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  };
}

function compositeAlarm(store: LocalAwsStore, alarm: AlarmRecord) {
  return { ...alarmFields(store, alarm), AlarmRule: `ALARM("${alarm.name}-latency") OR ALARM("${alarm.name}-errors")` };
}

export const cloudWatchOperations: Readonly<Record<string, Operation>> = {
  /**
   * DescribeAlarms with the rules CloudWatch applies: AlarmNames (at most 100) and AlarmNamePrefix exclude each
   * other; without AlarmTypes only metric alarms come back; names that match no alarm are left out, not reported.
   */
  DescribeAlarms(store, input) {
    const names = stringList(input, 'AlarmNames');
    const prefix = optionalString(input, 'AlarmNamePrefix');
    const types = stringList(input, 'AlarmTypes') ?? ['MetricAlarm'];
    const state = optionalString(input, 'StateValue');
    const maxRecords = input.MaxRecords ?? DEFAULT_MAX_RECORDS;
    if (names !== undefined && prefix !== undefined) {
      throw new AwsServiceError('InvalidParameterCombinationException', 'AlarmNames and AlarmNamePrefix cannot be specified together.');
    }
    if (input.ChildrenOfAlarmName !== undefined || input.ParentsOfAlarmName !== undefined || input.ActionPrefix !== undefined) {
      throw new AwsServiceError('InvalidParameterValueException', 'ChildrenOfAlarmName, ParentsOfAlarmName and ActionPrefix are not supported by local-aws.');
    }
    if (names !== undefined && names.length > MAX_ALARM_NAMES) {
      throw invalid(`Value '[${names.join(', ')}]' at 'alarmNames' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ALARM_NAMES}`);
    }
    names?.forEach((name, i) => {
      if (name.length < 1 || name.length > 255) {
        throw invalid(`Value '${name}' at 'alarmNames.${i + 1}.member' failed to satisfy constraint: Member must have length between 1 and 255`);
      }
    });
    types.forEach((type, i) => {
      if (!ALARM_TYPES.includes(type)) {
        throw invalid(`Value '${type}' at 'alarmTypes.${i + 1}.member' failed to satisfy constraint: Member must satisfy enum value set: [${ALARM_TYPES.join(', ')}]`);
      }
    });
    if (state !== undefined && !ALARM_STATES.includes(state as AlarmStateValue)) {
      throw invalid(`Value '${state}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [${ALARM_STATES.join(', ')}]`);
    }
    if (typeof maxRecords !== 'number' || !Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > 100) {
      throw invalid(`Value '${String(maxRecords)}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 100`);
    }
    const offset = decodeToken(optionalString(input, 'NextToken'), 'InvalidNextToken');
    const wanted = names === undefined ? undefined : new Set(names);
    const matching = store.alarms.all().filter((alarm) => (wanted === undefined || wanted.has(alarm.name))
      && (prefix === undefined || alarm.name.startsWith(prefix))
      && (state === undefined || alarm.state === state)
      && types.includes(alarm.type));
    const page = matching.slice(offset, offset + maxRecords);
    const ofType = (type: AlarmType) => page.filter((alarm) => alarm.type === type);
    return {
      ...(types.includes('MetricAlarm') ? { MetricAlarms: ofType('MetricAlarm').map((alarm) => metricAlarm(store, alarm)) } : {}),
      ...(types.includes('CompositeAlarm') ? { CompositeAlarms: ofType('CompositeAlarm').map((alarm) => compositeAlarm(store, alarm)) } : {}),
      NextToken: offset + maxRecords < matching.length ? encodeToken(offset + maxRecords) : undefined,
    };
  },
};

/** The error a "notFound" fault answers with: DescribeAlarms has none, so an invalid parameter stands in. */
export function cloudWatchNotFound(): AwsServiceError {
  return new AwsServiceError('ResourceNotFound', 'The named resource does not exist (injected fault).', 404);
}
