/**
 * The project's error hierarchy. Adapters translate AWS error names into these; handlers turn each `code` into
 * words. Messages never hold tokens or other secrets: they end up in logs.
 */
export class PushToProdError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PushToProdError';
    this.code = code;
  }
}

/** The config file is missing, not JSON, or breaks the schema. `issues` name each field and what is wrong. */
export class ConfigError extends PushToProdError {
  readonly issues: readonly string[];
  constructor(source: string, issues: readonly string[], options?: { cause?: unknown }) {
    super('CONFIG_INVALID', `Invalid push-to-prod config (${source}):\n  - ${issues.join('\n  - ')}`, options);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Base of everything that went wrong talking to AWS. `operation` is the API name, `requestId` AWS's own. */
export class AwsError extends PushToProdError {
  readonly operation: string;
  readonly requestId?: string;
  constructor(code: string, operation: string, message: string, options?: { cause?: unknown; requestId?: string }) {
    super(code, message, options);
    this.name = 'AwsError';
    this.operation = operation;
    this.requestId = options?.requestId;
  }
}

/** IAM said no (AccessDenied, UnauthorizedOperation, expired or missing credentials). */
export class AccessDeniedError extends AwsError {
  constructor(operation: string, message: string, options?: { cause?: unknown; requestId?: string }) {
    super('AWS_ACCESS_DENIED', operation, message, options);
    this.name = 'AccessDeniedError';
  }
}

/** The pipeline, application, deployment group or deployment does not exist. */
export class ResourceNotFoundError extends AwsError {
  constructor(operation: string, message: string, options?: { cause?: unknown; requestId?: string }) {
    super('AWS_NOT_FOUND', operation, message, options);
    this.name = 'ResourceNotFoundError';
  }
}

/** AWS kept throttling after the retries the time budget allowed. */
export class ThrottledError extends AwsError {
  constructor(operation: string, message: string, options?: { cause?: unknown; requestId?: string }) {
    super('AWS_THROTTLED', operation, message, options);
    this.name = 'ThrottledError';
  }
}

/** A limit or a conflict: a release or deployment is already running, too many concurrent executions. */
export class BusyError extends AwsError {
  constructor(operation: string, message: string, options?: { cause?: unknown; requestId?: string }) {
    super('AWS_BUSY', operation, message, options);
    this.name = 'BusyError';
  }
}

/** AWS refused the action in the state things are in (not stoppable, already completed, cannot roll back). */
export class InvalidStateError extends AwsError {
  constructor(operation: string, message: string, options?: { cause?: unknown; requestId?: string }) {
    super('AWS_INVALID_STATE', operation, message, options);
    this.name = 'InvalidStateError';
  }
}

/**
 * The manual approval is no longer waiting for this answer: someone answered it, it expired, or its token is not the
 * current one (ApprovalAlreadyCompletedException, InvalidApprovalTokenException). Nothing was recorded.
 */
export class ApprovalNotPendingError extends AwsError {
  constructor(operation: string, message: string, options?: { cause?: unknown; requestId?: string }) {
    super('AWS_APPROVAL_NOT_PENDING', operation, message, options);
    this.name = 'ApprovalNotPendingError';
  }
}

/**
 * No answer in time, or the connection broke. For a call that changes something the outcome is unknown:
 * `mutating` says whether the caller must tell the user it may or may not have happened.
 */
export class AwsTimeoutError extends AwsError {
  readonly mutating: boolean;
  constructor(operation: string, message: string, mutating: boolean, options?: { cause?: unknown; requestId?: string }) {
    super('AWS_TIMEOUT', operation, message, options);
    this.name = 'AwsTimeoutError';
    this.mutating = mutating;
  }
}

/** AWS answered with a fault of its own (5xx) or something we did not expect. */
export class AwsUnavailableError extends AwsError {
  readonly mutating: boolean;
  constructor(operation: string, message: string, mutating: boolean, options?: { cause?: unknown; requestId?: string }) {
    super('AWS_UNAVAILABLE', operation, message, options);
    this.name = 'AwsUnavailableError';
    this.mutating = mutating;
  }
}

/** True when a call that changes something may or may not have happened: the user must hear exactly that. */
export function isOutcomeUnknown(error: unknown): error is AwsTimeoutError | AwsUnavailableError {
  return (error instanceof AwsTimeoutError || error instanceof AwsUnavailableError) && error.mutating;
}

/**
 * Login with Amazon or the Alexa Proactive Events API refused or failed a call, or the skill's Alexa client
 * credentials could not be had. `retryable`: the same call later may succeed (throttling, a fault on Amazon's side, no
 * answer in time); otherwise retrying changes nothing until someone fixes the credentials, the event or a permission.
 * Messages name what went wrong, never a secret or a token.
 */
export class AlexaApiError extends PushToProdError {
  readonly retryable: boolean;
  readonly status?: number;
  constructor(code: string, message: string, options: { retryable: boolean; status?: number; cause?: unknown }) {
    super(code, message, { cause: options.cause });
    this.name = 'AlexaApiError';
    this.retryable = options.retryable;
    this.status = options.status;
  }
}
