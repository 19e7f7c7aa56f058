/** The public face of local-aws: what the simulator, tests and benchmarks import. */
export { ManualClock, systemClock, type Clock } from './clock';
export { FAULT_KINDS, Faults, parseFaultSpec, type FaultKind, type FaultSpec, type ServiceName } from './faults';
export type * from './model';
export { ALARM_STATES, LocalAlarms, parseAlarmSetting, type AlarmRecord, type AlarmSpec, type AlarmStateValue, type AlarmType } from './alarms';
export { ReleaseEvents, type StateChangeEvent } from './events';
export type { ParameterSpec } from './ssm';
export { SEED_PERSON_ARN, SIMULATOR_HISTORY_WEEKS, seedFromConfig } from './seed';
export { seedSampleAccount } from './sample-account';
export {
  closedPortUrl, MUTATING_OPERATIONS, startLocalAws, type LocalAws, type LocalAwsOptions, type RecordedCall,
} from './server';
export { ACCOUNT_ID, APPROVAL_TIMEOUT_MS, DEFAULT_CALLER_ARN, LocalAwsStore, type ApprovalAnswer, type DeploymentSpec, type PipelineSpec, type StartOptions } from './store';
export { LIST_DEPLOYMENTS_PAGE_SIZE, LIST_NAMES_PAGE_SIZE } from './codedeploy';
export { LIST_PIPELINES_PAGE_SIZE } from './codepipeline';
