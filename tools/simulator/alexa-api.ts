/**
 * A loopback stand-in for the one part of Alexa's API a skill calls during a request: the Directive Service that
 * takes progressive responses (`POST {apiEndpoint}/v1/directives`, developer.amazon.com/docs/custom-skills/
 * send-the-user-a-progressive-response.html). It is as strict as the real one where this skill could go wrong: the
 * Bearer token must be the one the request carried, the request id one whose answer Alexa is still waiting for, the
 * directive a VoicePlayer.Speak with well-formed SSML. What arrives while a request is open is played before that
 * request's answer; what arrives after it is not played at all, as on a device. Only node:http, on 127.0.0.1; close()
 * ends hanging connections, so a test process always exits.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ssmlProblem } from './ssml';
import { ssmlToCaption } from './transcript';

/** How the stand-in answers, to see the skill cope with a slow, refusing or dead Alexa API. */
export type AlexaApiBehaviour =
  | { readonly kind: 'accept' }
  | { readonly kind: 'refuse'; readonly status: 403 | 429 | 500 }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'hang' };

/** One progressive response as it arrived. */
export interface ReceivedDirective {
  readonly requestId: string;
  readonly speech: string;
  /** When it arrived (Date.now()), and whether the request was still waiting for its answer then. */
  readonly at: number;
  readonly inTime: boolean;
}

export interface LocalAlexaApi {
  /** The apiEndpoint requests carry. */
  readonly url: string;
  /** Every progressive response that passed the checks, in order of arrival. */
  readonly received: readonly ReceivedDirective[];
  /** Why each refused call was refused. */
  readonly refusals: readonly string[];
  behaviour: AlexaApiBehaviour;
  /** A request is on its way to the skill with this token: progressive responses for it are taken until answered(). */
  waiting(requestId: string, apiAccessToken: string): void;
  /** The skill answered the request: the captions of what arrived in time, in order; later ones are never played. */
  answered(requestId: string): string[];
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 64 * 1024;

export async function startLocalAlexaApi(behaviour: AlexaApiBehaviour = { kind: 'accept' }): Promise<LocalAlexaApi> {
  const open = new Map<string, string>();
  const tokens = new Map<string, string>();
  const received: ReceivedDirective[] = [];
  const refusals: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const refuse = (res: ServerResponse, status: number, why: string) => {
    refusals.push(why);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: why }));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/directives') return refuse(res, 404, `${req.method ?? ''} ${req.url ?? ''} is not the Directive Service`);
      if (size > MAX_BODY_BYTES) return refuse(res, 413, 'the body is too large');
      let body: { header?: { requestId?: unknown }; directive?: { type?: unknown; speech?: unknown } };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return refuse(res, 400, 'the body is not JSON');
      }
      const requestId = typeof body.header?.requestId === 'string' ? body.header.requestId : '';
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (token === undefined || tokens.get(requestId) !== token) return refuse(res, 401, `the Bearer token is not the one request ${requestId || '(none)'} carried`);
      if (body.directive?.type !== 'VoicePlayer.Speak') return refuse(res, 400, `directive.type ${String(body.directive?.type)} is not VoicePlayer.Speak`);
      const speech = typeof body.directive.speech === 'string' ? body.directive.speech : '';
      const problem = ssmlProblem(speech);
      if (problem !== undefined) return refuse(res, 400, `the speech ${problem}`);
      received.push({ requestId, speech, at: Date.now(), inTime: open.has(requestId) });
      const current = this_.behaviour;
      switch (current.kind) {
        case 'accept':
          return res.writeHead(204).end();
        case 'refuse':
          return res.writeHead(current.status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'refused' }));
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            res.writeHead(204).end();
          }, current.delayMs);
          timers.add(timer);
          return undefined;
        }
        case 'hang':
          return undefined;
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;

  const this_: LocalAlexaApi = {
    url: `http://${HOST}:${port}`,
    received,
    refusals,
    behaviour,
    waiting(requestId, apiAccessToken) {
      open.set(requestId, apiAccessToken);
      tokens.set(requestId, apiAccessToken);
    },
    answered(requestId) {
      open.delete(requestId);
      return received.filter((r) => r.requestId === requestId && r.inTime).map((r) => ssmlToCaption(r.speech));
    },
    close: () => new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
  return this_;
}
