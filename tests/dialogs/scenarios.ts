import type { AlarmStateValue, FaultSpec, LocalAws } from '../../tools/local-aws';

/** What a dialog file's `<name>.setup.json` may ask for besides the replay itself. */
export interface DialogSetup {
  readonly userId?: string;
  readonly personId?: string;
  readonly faults?: FaultSpec[];
  readonly scenario?: keyof typeof SCENARIOS;
  /** Another config than the demo's, relative to the repository (tools/demo/push-to-prod.gates.json). */
  readonly config?: string;
  /** Alarms to set before the first turn, each in a state since some minutes ago. */
  readonly alarms?: readonly { readonly name: string; readonly state: AlarmStateValue; readonly minutesAgo?: number; readonly reason?: string }[];
  /**
   * How long a read may run before the skill says something meanwhile. The SDK's retries after a throttle take a
   * random time around the skill's 0.8 s, so a dialog with throttles sets it far off to hear the same each run.
   */
  readonly progressThresholdMs?: number;
  /** The device: a speaker without a screen (the default) or an Echo Show, whose screens the transcript shows. */
  readonly device?: 'speaker' | 'show';
}

/** Sets the alarms a setup asks for, each dated `minutesAgo` before now. */
export function setAlarms(aws: LocalAws, alarms: DialogSetup['alarms'] = []): void {
  for (const alarm of alarms) {
    if (aws.store.alarms.find(alarm.name) === undefined) aws.store.alarms.put({ name: alarm.name });
    aws.store.alarms.setState(alarm.name, alarm.state, alarm.reason, aws.store.now() - (alarm.minutesAgo ?? 0) * 60_000);
  }
}

/** States of the local AWS that a conversation starts from. */
export const SCENARIOS = {
  /** A release of checkout is running in production, started by bob a moment ago (the test clock stands still). */
  'pipeline-running': (aws: LocalAws) => {
    aws.store.pushCommit('checkout-prod', 'Rewrite the cart in Rust');
    aws.store.startExecution('checkout-prod', {
      at: aws.store.now() - 2_000,
      trigger: { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:sts::123456789012:assumed-role/Deployer/bob' },
    });
  },
  /**
   * bob's release of checkout has waited two hours for approval in checkout-prod's Approve stage (the demo config
   * sets approvals for checkout production, so the seeded pipeline has that stage).
   */
  'approval-waiting': (aws: LocalAws) => {
    aws.store.pushCommit('checkout-prod', 'Speed up the order history query');
    aws.store.startExecution('checkout-prod', {
      at: aws.store.now() - 2 * 3_600_000,
      trigger: { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:sts::123456789012:assumed-role/Deployer/bob' },
    });
  },
  /** A CodeDeploy deployment to checkout production started five minutes ago and is still running. */
  'deployment-in-progress': (aws: LocalAws) => {
    const group = aws.store.deploymentGroup('checkout', 'checkout-prod');
    const last = aws.store.deploymentsOf(group).sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!last) throw new Error('the seed made no deployments');
    aws.store.createDeployment({
      application: 'checkout', deploymentGroup: 'checkout-prod',
      revision: { revisionType: 'GitHub', gitHubLocation: { repository: 'acme/checkout', commitId: 'badc0ffee1234567890abcdef1234567890abcde' } },
      at: aws.store.now() - 5 * 60_000, durationMs: 60 * 60_000,
    });
  },
  /** A new commit went through checkout's staging pipeline and succeeded there ten minutes ago. */
  'staging-fresh': (aws: LocalAws) => {
    aws.store.pushCommit('checkout-staging', 'Cache exchange rates for five minutes');
    const stages = 3;
    aws.store.startExecution('checkout-staging', {
      at: aws.store.now() - 10 * 60_000 - stages * aws.store.stageDurationMs,
      trigger: { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:sts::123456789012:assumed-role/Deployer/bob' },
    });
  },
} as const;
