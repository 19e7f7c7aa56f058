import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A programmable AWS JSON 1.1 endpoint on 127.0.0.1 for fault tests. `reply` gets the X-Amz-Target operation and
 * the parsed body; returning undefined leaves the request hanging, as a dead AWS endpoint would. close() destroys
 * hanging sockets, so the test process always exits.
 */
export interface LoopbackServer {
  readonly url: string;
  readonly operations: string[];
  close(): Promise<void>;
}

export type Reply = { status: number; body: unknown } | undefined;

export async function startLoopbackServer(reply: (operation: string, body: Record<string, unknown>) => Reply): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const operations: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      operations.push(operation);
      const answer = reply(operation, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>);
      if (!answer) return;
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'loopback-req-1' });
      res.end(JSON.stringify(answer.body));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    operations,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
