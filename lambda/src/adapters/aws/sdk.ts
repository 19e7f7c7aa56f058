/**
 * Every value the skill takes from the AWS SDK, and nothing else. The build bundles this file on its own into
 * lambda/dist/aws-sdk.js, where tree-shaking keeps only these commands and what they need (a third of each client
 * goes), and the skill requires it on its first AWS call (clients.ts, and the adapters, which index.ts loads
 * then). A command used anywhere else must be added here; types may come from the SDK packages directly.
 */
export {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
export {
  BatchGetDeploymentsCommand,
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentGroupCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
export {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
export { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
export { NodeHttpHandler } from '@smithy/node-http-handler';
export { defaultProvider as credentialDefaultProvider } from './credentials';
