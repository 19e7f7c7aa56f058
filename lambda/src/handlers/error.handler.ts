import type { ErrorHandler } from 'ask-sdk-core';
import type { Ssml } from '../speech/ssml';
import { AwsError, PushToProdError } from '../domain/errors';
import type { Messages } from '../speech';
import type { Logger } from '../logging/logger';
import type { Target } from '../domain/release';
import { hasSession, requestType } from '../turn/request-shape';
import { findTurn } from '../turn/turn';

const OPERATION_WORDS: Record<string, string> = {
  StartPipelineExecution: 'start the pipeline',
  RollbackStage: 'roll back the pipeline stage',
  ListPipelineExecutions: 'read the pipeline',
  GetPipelineState: 'read the pipeline',
  GetPipeline: 'read the pipeline',
  DescribeAlarms: 'read the CloudWatch alarms',
  PutApprovalResult: 'answer the pipeline\'s approval',
  CreateDeployment: 'create a deployment',
  StopDeployment: 'stop the deployment',
  ListDeployments: 'read the deployments',
  BatchGetDeployments: 'read the deployments',
};

/**
 * The one error handler: an AWS fault becomes a plain sentence about what happened (and that nothing was changed
 * where that is true); anything else becomes an apology. Either way the details go to the log, not to the user.
 */
export function errorHandler(logger: Logger): ErrorHandler {
  return {
    canHandle: () => true,
    handle(input, error) {
      logger.log('error', 'request.failed', {
        type: requestType(input),
        error: error.name,
        code: error instanceof PushToProdError ? error.code : undefined,
        operation: error instanceof AwsError ? error.operation : undefined,
        awsRequestId: error instanceof AwsError ? error.requestId : undefined,
        message: error.message,
      });
      if (!hasSession(input) || requestType(input) === 'SessionEndedRequest') return input.responseBuilder.getResponse();
      const turn = findTurn(input);
      if (!turn) return input.responseBuilder.getResponse();
      // Every refusal leaves a card; an AWS fault's carries its code, the operation and AWS's request id.
      const code = error instanceof PushToProdError ? error.code : 'UNEXPECTED';
      return turn.say(speechFor(error, turn.speech, turn.where), {
        card: [{
          kind: 'aws-error', code,
          ...(error instanceof AwsError ? { operation: error.operation, ...(error.requestId ? { requestId: error.requestId } : {}) } : {}),
        }],
      });
    },
  };
}

function speechFor(error: Error, speech: Messages, where: Target | undefined): Ssml {
  if (!(error instanceof PushToProdError)) return speech.unexpected();
  switch (error.code) {
    case 'AWS_ACCESS_DENIED':
      return speech.awsAccessDenied(OPERATION_WORDS[(error as AwsError).operation] ?? 'do that');
    case 'AWS_NOT_FOUND': return speech.awsNotFound(where);
    case 'AWS_THROTTLED': return speech.awsThrottled();
    case 'AWS_BUSY': return speech.awsBusy(where);
    case 'AWS_INVALID_STATE': return speech.awsInvalidState();
    case 'AWS_APPROVAL_NOT_PENDING': return speech.approvalGone();
    case 'AWS_TIMEOUT': return speech.awsTimeout();
    case 'AWS_UNAVAILABLE': return speech.awsUnavailable();
    default: return speech.unexpected();
  }
}
