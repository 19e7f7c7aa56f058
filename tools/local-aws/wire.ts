/**
 * An error as AWS JSON 1.1 services send it: HTTP status plus `{"__type": code, "message": …}`. The SDK turns `code`
 * into its modelled exception class of the same name.
 */
export class AwsServiceError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = 'AwsServiceError';
    this.code = code;
    this.status = status;
  }
}

/** A request body: whatever JSON object the client sent. */
export type Input = Readonly<Record<string, unknown>>;

/** The message AWS's request validation writes for a missing member. */
function missingMember(member: string): string {
  return `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`;
}

/**
 * A required string member. Services with their own "…RequiredException" pass its code; the rest answer with the
 * generic ValidationException.
 */
export function requiredString(input: Input, member: string, code = 'ValidationException', message = missingMember(member)): string {
  const value = input[member];
  if (value === undefined || value === null || value === '') throw new AwsServiceError(code, message);
  if (typeof value !== 'string') throw new AwsServiceError('SerializationException', `'${member}' must be a string`);
  return value;
}

export function optionalString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new AwsServiceError('SerializationException', `'${member}' must be a string`);
  return value;
}

export function optionalBoolean(input: Input, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new AwsServiceError('SerializationException', `'${member}' must be a boolean`);
  return value;
}

/** AWS JSON 1.1 carries timestamps as epoch seconds with a fraction. */
export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}

/** Opaque paging tokens: an offset into a list the server recomputes. */
export function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64');
}

export function decodeToken(token: string | undefined, code = 'InvalidNextTokenException'): number {
  if (token === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    const offset = (parsed as { offset?: unknown }).offset;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // falls through to the error below
  }
  throw new AwsServiceError(code, 'The next token was specified in an invalid format.');
}
