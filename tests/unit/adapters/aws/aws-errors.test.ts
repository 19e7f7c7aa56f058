import { translateAwsError } from '../../../../lambda/src/adapters/aws/aws-errors';
import {
  AccessDeniedError,
  AwsTimeoutError,
  AwsUnavailableError,
  BusyError,
  InvalidStateError,
  PushToProdError,
  ResourceNotFoundError,
  ThrottledError,
} from '../../../../lambda/src/domain/errors';

function awsError(name: string, httpStatusCode = 400, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode, requestId: 'req-1' }, ...extra });
}

describe('translateAwsError', () => {
  it.each([
    ['AccessDeniedException', AccessDeniedError],
    ['AccessDenied', AccessDeniedError],
    ['UnauthorizedOperation', AccessDeniedError],
    ['UnrecognizedClientException', AccessDeniedError],
    ['InvalidSignatureException', AccessDeniedError],
    ['ExpiredTokenException', AccessDeniedError],
    ['CredentialsProviderError', AccessDeniedError],
    ['PipelineNotFoundException', ResourceNotFoundError],
    ['PipelineExecutionNotFoundException', ResourceNotFoundError],
    ['StageNotFoundException', ResourceNotFoundError],
    ['ApplicationDoesNotExistException', ResourceNotFoundError],
    ['DeploymentGroupDoesNotExistException', ResourceNotFoundError],
    ['DeploymentDoesNotExistException', ResourceNotFoundError],
    ['ApplicationNameRequiredException', ResourceNotFoundError],
    ['ThrottlingException', ThrottledError],
    ['Throttling', ThrottledError],
    ['TooManyRequestsException', ThrottledError],
    ['RequestLimitExceeded', ThrottledError],
    ['ConflictException', BusyError],
    ['ConcurrentPipelineExecutionsLimitExceededException', BusyError],
    ['DeploymentLimitExceededException', BusyError],
    ['ConcurrentModificationException', BusyError],
    ['PipelineExecutionOutdatedException', InvalidStateError],
    ['UnableToRollbackStageException', InvalidStateError],
    ['DeploymentAlreadyCompletedException', InvalidStateError],
    ['InvalidDeploymentStatusException', InvalidStateError],
  ])('turns %s into %p', (name, expected) => {
    // Act
    const translated = translateAwsError(awsError(name), 'SomeOperation', true);

    // Assess
    expect(translated).toBeInstanceOf(expected);
    expect(translated).toMatchObject({ operation: 'SomeOperation', requestId: 'req-1' });
  });

  it('keeps the original error as the cause', () => {
    // Prepare
    const original = awsError('ThrottlingException');

    // Act
    const translated = translateAwsError(original, 'ListDeployments', false);

    // Assess
    expect(translated.cause).toBe(original);
  });

  it('treats any 429 as throttling, whatever its name', () => {
    expect(translateAwsError(awsError('SomethingNew', 429), 'GetPipelineState', false)).toBeInstanceOf(ThrottledError);
  });

  it.each([
    ['AbortError', {}],
    ['TimeoutError', {}],
    ['RequestTimeout', {}],
    ['Error', { code: 'ECONNRESET' }],
    ['Error', { message: 'socket hang up' }],
  ])('reports %s %j as a timeout whose outcome is unknown for a mutating call', (name, extra) => {
    // Prepare
    const error = Object.assign(new Error('x'), { name, ...extra });

    // Act
    const translated = translateAwsError(error, 'CreateDeployment', true);

    // Assess
    expect(translated).toBeInstanceOf(AwsTimeoutError);
    expect(translated).toMatchObject({ mutating: true });
  });

  it('reports a refused connection as unavailable and unchanged: the request never reached AWS', () => {
    // Prepare
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

    // Act
    const translated = translateAwsError(error, 'StartPipelineExecution', true);

    // Assess
    expect(translated).toBeInstanceOf(AwsUnavailableError);
    expect(translated).toMatchObject({ mutating: false });
  });

  it('keeps a refused connection mutating when earlier attempts may have reached AWS', () => {
    // Prepare
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', $metadata: { attempts: 2 } });

    // Act / Assess
    expect(translateAwsError(error, 'StartPipelineExecution', true)).toMatchObject({ name: 'AwsUnavailableError', mutating: true });
  });

  it('reports a 5xx on a mutating call as unavailable with an unknown outcome', () => {
    // Act
    const translated = translateAwsError(awsError('InternalFailure', 500), 'CreateDeployment', true);

    // Assess
    expect(translated).toBeInstanceOf(AwsUnavailableError);
    expect(translated).toMatchObject({ mutating: true, requestId: 'req-1' });
  });

  it('reports an unknown 4xx as unavailable but unchanged: AWS refused it', () => {
    expect(translateAwsError(awsError('ValidationException', 400), 'CreateDeployment', true)).toMatchObject({
      name: 'AwsUnavailableError',
      mutating: false,
    });
  });

  it('reports something that is not an error at all as unavailable', () => {
    expect(translateAwsError('boom', 'GetPipelineState', false)).toBeInstanceOf(AwsUnavailableError);
  });

  it('passes a PushToProdError through unchanged', () => {
    // Prepare
    const ours = new BusyError('StartPipelineExecution', 'busy');

    // Act / Assess
    expect(translateAwsError(ours, 'Other', true)).toBe(ours);
  });

  it('leaves access keys and secrets out of the message', () => {
    // Prepare
    const error = awsError('InvalidSignatureException', 403, {
      message: 'Bad signature for AKIAIOSFODNN7EXAMPLE, X-Amz-Security-Token=FwoGZXIvYXdzEBYaDabc',
    });

    // Act
    const translated = translateAwsError(error, 'ListPipelineExecutions', false);

    // Assess
    expect(translated).toBeInstanceOf(PushToProdError);
    expect(translated.message).toContain('ListPipelineExecutions');
    expect(translated.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(translated.message).not.toContain('FwoGZXIvYXdzEBYaDabc');
  });
});
