/**
 * Every value the notifier takes from the SSM client, and nothing else: the build bundles this file on its own into
 * lambda/dist/aws-ssm.js, which only the notifier requires, with the first notification it sends (clients.ts). The
 * skill never reads SSM, so its aws-sdk.js stays without it.
 */
export { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
