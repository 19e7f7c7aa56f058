import type { CommandIO, DeserializeMiddleware, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { AwsTimeoutError, AwsUnavailableError } from '../../domain/errors';
import { callBudgetMs } from '../../runtime/deadline';
import { waitingForAws } from '../../runtime/while-waiting';
import { neverReachedAws, refusedByAws, translateAwsError } from './aws-errors';

/** The most one AWS call, its retries included, may take when the deadline leaves more. */
export const DEFAULT_CALL_CAP_MS = 5000;

export interface AwsCall {
  /** The API name, for errors and logs. */
  readonly operation: string;
  /** True when the call changes something (starts, stops, deploys). */
  readonly mutating: boolean;
  /**
   * True when sending the same request twice cannot do the thing twice (reads; StartPipelineExecution with its
   * clientRequestToken). A mutating call that is not retry-safe is not retried once an attempt may have
   * reached AWS: a second CreateDeployment would deploy again, or fail as "busy" because of the first.
   */
  readonly retrySafe: boolean;
  readonly capMs?: number;
}

interface SendsCommands {
  send(command: never, options: { abortSignal: AbortSignal }): Promise<unknown>;
}

type AwsCommand<Input extends object, Output extends MetadataBearer> = CommandIO<Input, Output> & {
  readonly middlewareStack: MiddlewareStack<Input, Output>;
};

/** Carries the failure of an attempt past the SDK's retry decision (its `cause` would make it retryable). */
class AttemptNotRetried extends Error {
  constructor(readonly attemptError: unknown) {
    super('attempt not retried');
    this.name = 'AttemptNotRetried';
  }
}

/** What the attempts of one call told us. */
interface AttemptLog {
  attempts: number;
  mayHaveReachedAws: boolean;
}

function attemptObserver<Input extends object, Output extends MetadataBearer>(
  log: AttemptLog,
  retrySafe: boolean,
): DeserializeMiddleware<Input, Output> {
  return (next) => async (args) => {
    log.attempts += 1;
    try {
      // next() hands the request to the HTTP handler before its first await: from here the process waits for AWS.
      const answer = next(args);
      waitingForAws();
      return await answer;
    } catch (error) {
      const ambiguous = !neverReachedAws(error) && !refusedByAws(error);
      if (ambiguous) {
        log.mayHaveReachedAws = true;
        if (!retrySafe) throw new AttemptNotRetried(error);
      }
      throw error;
    }
  };
}

/**
 * Sends one command within what is left of the invocation's deadline (retries included) and translates any
 * failure into a PushToProdError. With no time left it fails at once, without calling AWS.
 */
export async function sendCommand<Input extends object, Output extends MetadataBearer>(
  client: SendsCommands,
  command: AwsCommand<Input, Output>,
  call: AwsCall,
): Promise<Output> {
  const budgetMs = callBudgetMs(call.capMs ?? DEFAULT_CALL_CAP_MS);
  if (budgetMs <= 0) {
    throw new AwsTimeoutError(call.operation, `${call.operation}: no time left before the deadline; not sent`, false);
  }

  const log: AttemptLog = { attempts: 0, mayHaveReachedAws: false };
  // Inside the retry loop (deserialize runs per attempt) and outside the deserializer, so it sees AWS's own errors.
  command.middlewareStack.add(attemptObserver<Input, Output>(log, call.retrySafe), {
    step: 'deserialize',
    priority: 'high',
    name: 'pushToProdAttemptObserver',
    override: true,
  });

  try {
    const send = client.send.bind(client) as (command: AwsCommand<Input, Output>, options: { abortSignal: AbortSignal }) => Promise<Output>;
    return await send(command, { abortSignal: AbortSignal.timeout(budgetMs) });
  } catch (thrown) {
    const error = thrown instanceof AttemptNotRetried ? thrown.attemptError : thrown;
    // No attempt observed (a mocked client, a failure before sending): assume the worst for a mutating call.
    const mayHaveChanged = call.mutating && (log.attempts === 0 || log.mayHaveReachedAws);
    throw translateAwsError(error, call.operation, mayHaveChanged);
  }
}

/** AWS said yes but gave no id: we cannot tell what happened, so that is never reported as success. */
export function requireId(id: string | undefined, operation: string, requestId: string | undefined): string {
  if (id === undefined || id === '') {
    throw new AwsUnavailableError(operation, `${operation}: the response carries no id`, true, { requestId });
  }
  return id;
}
