import dynalite from 'dynalite';
import { Agent, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The target prefix of DynamoDB's JSON 1.0 API, as in `X-Amz-Target: DynamoDB_20120810.GetItem`. */
export const DYNAMODB_TARGET_PREFIX = 'DynamoDB_20120810';

/**
 * DynamoDB for local AWS: dynalite, an implementation of DynamoDB's API in Node, in memory, behind local AWS's own
 * port. It holds the skill's state table (locks and release-code lockouts), keyed by `pk` as the stack's table is.
 *
 * Why a library and not a handler here like CodePipeline's: the state store is only as safe as its condition
 * expressions (`attribute_not_exists(pk) OR expiresAt <= :now`, `#version = :expected …`), and DynamoDB's expression
 * language is a grammar of its own. A stand-in written here would evaluate them as we read the documentation, and so
 * agree with the adapter's mistakes; dynalite implements the grammar and DynamoDB's validation of it.
 * It does not delete expired items (TTL), which the adapter does not rely on: it checks `expiresAt` itself.
 */
export interface LocalDynamoDb {
  /** Passes one request, already read, to DynamoDB and its answer back to the caller. */
  forward(request: IncomingMessage, body: string, response: ServerResponse): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * The table as the stack defines it (`pk` string key, on demand). A plain request rather than an SDK client: this
 * process needs no credentials for it, and dynalite checks that a request is signed, not the signature.
 */
function createTable(port: number, table: string, region: string): Promise<void> {
  const body = JSON.stringify({
    TableName: table,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  });
  const headers = {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(body),
    'X-Amz-Target': `${DYNAMODB_TARGET_PREFIX}.CreateTable`,
    'X-Amz-Date': '20260101T000000Z',
    Authorization: `AWS4-HMAC-SHA256 Credential=LOCALAWS/20260101/${region}/dynamodb/aws4_request, SignedHeaders=host, Signature=local`,
  };
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: HOST, port, method: 'POST', path: '/', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode === 200) resolve();
        else reject(new Error(`local DynamoDB would not create table ${table}: ${Buffer.concat(chunks).toString('utf8')}`));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

export async function startLocalDynamoDb(tables: readonly string[], region: string): Promise<LocalDynamoDb> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // One kept-alive connection to dynalite, as the skill's own client keeps one to DynamoDB: a new loopback connection
  // per forwarded request was the stand-in's own cost (a handshake and a socket in this process), not DynamoDB's.
  const agent = new Agent({ keepAlive: true });
  const close = () => new Promise<void>((resolve) => {
    agent.destroy();
    server.close(() => resolve());
    for (const socket of sockets) socket.destroy();
  });

  try {
    for (const table of tables) await createTable(port, table, region);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    forward(request, body, response) {
      const upstream = httpRequest({ host: HOST, port, agent, method: request.method, path: request.url, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', (error) => {
        if (response.headersSent) {
          response.destroy(error);
          return;
        }
        const text = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: error.message });
        response.writeHead(500, { 'Content-Type': 'application/x-amz-json-1.0', 'Content-Length': Buffer.byteLength(text) });
        response.end(text);
      });
      upstream.end(body);
    },
    close,
  };
}
