import {
  AccessDeniedError,
  ApprovalNotPendingError,
  AwsTimeoutError,
  AwsUnavailableError,
  BusyError,
  InvalidStateError,
  PushToProdError,
  ResourceNotFoundError,
  ThrottledError,
} from '../../domain/errors';

const ACCESS_DENIED = new Set([
  'AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnrecognizedClientException',
  'InvalidSignatureException', 'SignatureDoesNotMatch', 'IncompleteSignature', 'MissingAuthenticationToken',
  'InvalidClientTokenId', 'InvalidClientTokenException', 'ExpiredToken', 'ExpiredTokenException',
  'RequestExpired', 'CredentialsProviderError', 'TokenProviderError',
]);

/*
 * The service-specific names below are those the operations the skill sends can throw (each command's documented
 * exceptions in the SDK); an operation it never sends has no words here.
 */
const NOT_FOUND = new Set([
  'PipelineNotFoundException', 'PipelineExecutionNotFoundException',
  // A stage name comes from the config: a missing stage is a wrong name, not a passing state.
  'StageNotFoundException', 'ResourceNotFoundException',
  // PutApprovalResult: the config names the stage and action, or GetPipelineState just did.
  'ActionNotFoundException',
  'ApplicationDoesNotExistException', 'DeploymentGroupDoesNotExistException', 'DeploymentDoesNotExistException',
  'RevisionDoesNotExistException', 'ApplicationNameRequiredException', 'DeploymentGroupNameRequiredException',
  'DeploymentIdRequiredException', 'InvalidApplicationNameException', 'InvalidDeploymentGroupNameException',
  'InvalidDeploymentIdException',
  // SSM: the notifier's credentials parameter does not exist (or not in this region).
  'ParameterNotFound', 'ParameterVersionNotFound',
]);

const THROTTLED = new Set([
  'ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'ProvisionedThroughputExceededException',
  'RequestThrottled', 'RequestThrottledException', 'SlowDown',
]);

const BUSY = new Set([
  'ConflictException', 'ConcurrentPipelineExecutionsLimitExceededException', 'DeploymentLimitExceededException',
  'ConcurrentModificationException',
]);

const INVALID_STATE = new Set([
  'UnableToRollbackStageException', 'PipelineExecutionOutdatedException',
  'DeploymentAlreadyCompletedException', 'InvalidDeploymentStatusException',
]);

/** PutApprovalResult: the approval request this answer is for was answered, expired, or replaced. */
const APPROVAL_NOT_PENDING = new Set(['ApprovalAlreadyCompletedException', 'InvalidApprovalTokenException']);

const TIMED_OUT = new Set(['AbortError', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
/** Socket errors after the request may have been written: AWS may have acted on it. */
const BROKEN_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
/** Socket errors before any byte left: the request never reached AWS. */
const NEVER_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

function shapeOf(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** True when an error from one attempt says nothing reached AWS (no connection was ever made). */
export function neverReachedAws(error: unknown): boolean {
  const code = text(shapeOf(error).code);
  return code !== undefined && NEVER_CONNECTED_CODES.has(code);
}

/** True when AWS answered the attempt with a 4xx: it refused the request, so nothing changed. */
export function refusedByAws(error: unknown): boolean {
  const status = shapeOf(error).$metadata?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500;
}

/** Access key ids and anything after a credential-looking word are cut from messages that end up in logs. */
function redact(message: string): string {
  return message
    .replace(/\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '[redacted]')
    .replace(/((?:secret|token|signature|credential|password)\w*["']?\s*[:=]\s*)\S+/gi, '$1[redacted]')
    .slice(0, 300);
}

/**
 * Translates what an AWS SDK call threw into the project's errors. `mutating` says the call may have changed
 * something: a timeout or fault on such a call leaves its outcome unknown.
 */
export function translateAwsError(error: unknown, operation: string, mutating: boolean): PushToProdError {
  if (error instanceof PushToProdError) return error;

  const shape = shapeOf(error);
  const name = text(shape.name) ?? 'Error';
  const code = text(shape.code);
  const rawMessage = text(shape.message) ?? '';
  const status = shape.$metadata?.httpStatusCode;
  const options = { cause: error, requestId: text(shape.$metadata?.requestId) };
  const describe = (what: string) =>
    `${operation}: ${what} (${[name, code, status].filter((part) => part !== undefined).join(' ')})` +
    (rawMessage === '' ? '' : `: ${redact(rawMessage)}`);

  if (ACCESS_DENIED.has(name) || status === 403) return new AccessDeniedError(operation, describe('access denied'), options);
  if (NOT_FOUND.has(name)) return new ResourceNotFoundError(operation, describe('not found'), options);
  if (THROTTLED.has(name) || status === 429) return new ThrottledError(operation, describe('throttled'), options);
  if (BUSY.has(name)) return new BusyError(operation, describe('busy'), options);
  if (APPROVAL_NOT_PENDING.has(name)) return new ApprovalNotPendingError(operation, describe('the approval is not waiting for this answer'), options);
  if (INVALID_STATE.has(name)) return new InvalidStateError(operation, describe('not possible in the current state'), options);

  if (code !== undefined && NEVER_CONNECTED_CODES.has(code)) {
    // The request never left this machine, so nothing changed: unless an earlier attempt, which may have got
    // through, preceded this one.
    const earlierAttempts = (shape.$metadata?.attempts ?? 1) > 1;
    return new AwsUnavailableError(operation, describe('could not connect'), mutating && earlierAttempts, options);
  }
  if (TIMED_OUT.has(name) || (code !== undefined && BROKEN_CONNECTION_CODES.has(code)) || /socket hang up/i.test(rawMessage)) {
    return new AwsTimeoutError(operation, describe('no answer in time'), mutating, options);
  }
  // A 4xx is AWS refusing the request: whatever it was, it did not happen.
  const refused = status !== undefined && status >= 400 && status < 500;
  return new AwsUnavailableError(operation, describe(refused ? 'refused' : 'failed'), mutating && !refused, options);
}
