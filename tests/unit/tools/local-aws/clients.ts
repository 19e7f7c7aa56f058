import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { parseConfig } from '../../../../lambda/src/config/load';
import type { Config } from '../../../../lambda/src/config/schema';

/** Real SDK clients pointed at a local-aws URL, as the skill would build them but with fake credentials. */
export function clientsFor(url: string, maxAttempts = 1): { pipeline: CodePipelineClient; deploy: CodeDeployClient; cloudWatch: CloudWatchClient; destroy(): void } {
  const common = {
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    maxAttempts,
  };
  const pipeline = new CodePipelineClient(common);
  const deploy = new CodeDeployClient(common);
  const cloudWatch = new CloudWatchClient(common);
  return {
    pipeline,
    deploy,
    cloudWatch,
    destroy: () => {
      pipeline.destroy();
      deploy.destroy();
      cloudWatch.destroy();
    },
  };
}

/** A config with one service in production and staging, both with a pipeline and a deployment group. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return parseConfig({
    skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000',
    allowedUsers: ['amzn1.ask.account.TEST'],
    region: 'us-east-1',
    services: [{
      name: 'checkout',
      environments: {
        production: { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' }, rollbackStage: 'Deploy' },
        staging: { pipeline: 'checkout-staging', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } },
      },
    }],
    ...overrides,
  }, 'test config');
}

/** Waits (in real time) until `check` holds; for the few tests that involve real delays. */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
