/**
 * The provider simulator: a real `node:http` server on 127.0.0.1 speaking the
 * three seed APIs (Emma NDJSON, SecondMe SSE, OpenAI-compatible/ecovai), with
 * switchable fault modes. Used by unit tests, integration tests and the sandbox.
 *
 * Routes:
 *   POST /api/chat/stream                              Emma
 *   POST /api/chat/{instance}[/chat/completions]       SecondMe
 *   POST /v1/chat/completions                          OpenAI-compatible (Bearer key)
 *   POST /local/v1/chat/completions                    same, no auth (Ollama-like)
 *   GET  /v1/models                                    model list (not under /local: a server without one)
 *   POST /__sim/fault     body: a fault, a list of faults, or null to clear
 *   GET  /__sim/requests  recorded requests;  DELETE /__sim/requests clears them (and the model-list ones)
 *   GET  /__sim/model-requests  recorded GET …/models requests
 *   GET  /__sim/health
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  DEFAULT_INSTANCES,
  DEFAULT_KEYS,
  type Exchange,
  type InstanceStatus,
  type SimulatorConfig,
  type SimulatorKeys,
} from './context';
import { handleEmma } from './emma';
import { faultSchema, GatewayFaultCounter, parseMarkers, streamBehaviour, type Fault, type ParsedFault } from './faults';
import { handleOpenAi, OPENAI_MODELS, OPENAI_PATHS } from './openai';
import { handleSecondMe, isSecondMePath } from './secondme';
import { readBody, sendJson } from './writer';

export type { Fault, FaultKind } from './faults';
export { FAULT_KINDS } from './faults';
export { DEFAULT_INSTANCES, DEFAULT_KEYS } from './context';

/**
 * The OpenAI-style model list (no auth). Its requests are kept apart from the
 * chat requests (`modelRequests`, `GET /__sim/model-requests`): Parley asks for
 * the list in the background, which must not shift the indexes tests use. The
 * no-auth `/local/v1` route has none on purpose: it stands for a server without
 * `/models`, where Parley falls back to the configured model.
 */
const MODEL_LIST_PATHS = ['/v1/models'];

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Delay between streamed pieces in ms (default 10; use 0 in unit tests). */
  delayMs?: number;
  /** Extra keys, added to DEFAULT_KEYS. */
  keys?: Partial<SimulatorKeys>;
  /** Extra SecondMe instances, added to DEFAULT_INSTANCES. */
  instances?: Record<string, InstanceStatus>;
}

export type RequestOutcome = 'pending' | 'completed' | 'aborted';

export interface RecordedRequest {
  method: string;
  path: string;
  /** All request headers, lower-case names, key headers included. */
  headers: Record<string, string>;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** 'aborted' when the connection closed before the response finished. */
  outcome: RequestOutcome;
  status?: number;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** `GET …/models` requests (kept apart from the chat requests). */
  readonly modelRequests: RecordedRequest[];
  /** Server-wide fault(s) for the next requests, until cleared with `undefined`. */
  setFault(fault: Fault | Fault[] | undefined): void;
  clearRequests(): void;
  /** Resolves once the n-th recorded request's response finished or its connection closed. */
  settled(index: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config: SimulatorConfig = {
    keys: {
      emma: [...DEFAULT_KEYS.emma, ...(options.keys?.emma ?? [])],
      emmaNoCredit: [...DEFAULT_KEYS.emmaNoCredit, ...(options.keys?.emmaNoCredit ?? [])],
      openai: [...DEFAULT_KEYS.openai, ...(options.keys?.openai ?? [])],
      openaiNoCredit: [...DEFAULT_KEYS.openaiNoCredit, ...(options.keys?.openaiNoCredit ?? [])],
    },
    instances: { ...DEFAULT_INSTANCES, ...options.instances },
    delayMs: options.delayMs ?? 10,
  };
  const requests: RecordedRequest[] = [];
  const modelRequests: RecordedRequest[] = [];
  const settledWaiters = new Map<RecordedRequest, Promise<void>>();
  const counter = new GatewayFaultCounter();
  let serverFaults: ParsedFault[] = [];

  const setFault = (fault: Fault | Fault[] | undefined) => {
    const list = fault === undefined ? [] : Array.isArray(fault) ? fault : [fault];
    serverFaults = list.map((f) => faultSchema.parse(f));
    counter.reset();
  };

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/__sim/health') return sendJson(res, 200, { ok: true });
    if (path === '/__sim/requests' && req.method === 'GET') return sendJson(res, 200, requests);
    if (path === '/__sim/model-requests' && req.method === 'GET') return sendJson(res, 200, modelRequests);
    if (path === '/__sim/requests' && req.method === 'DELETE') {
      requests.length = 0;
      modelRequests.length = 0;
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__sim/fault' && req.method === 'POST') {
      const text = await readBody(req);
      const parsed = z
        .union([z.null(), faultSchema, z.array(faultSchema)])
        .safeParse(text.trim() === '' ? null : JSON.parse(text));
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      setFault(parsed.data ?? undefined);
      return sendJson(res, 200, { faults: serverFaults });
    }
    sendJson(res, 404, { detail: 'Not Found' });
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'GET' && path.endsWith('/models')) {
      // Every model-list request is kept apart from the chat requests, also on a route without a list (404).
      const listed = MODEL_LIST_PATHS.includes(path);
      modelRequests.push({ method: 'GET', path, headers: flatHeaders(req), body: undefined, outcome: 'completed', status: listed ? 200 : 404 });
      if (!listed) return sendJson(res, 404, { detail: 'Not Found' });
      return sendJson(res, 200, { object: 'list', data: OPENAI_MODELS.map((id) => ({ id, object: 'model', owned_by: 'ecovai' })) });
    }
    const handler =
      req.method !== 'POST'
        ? undefined
        : path === '/api/chat/stream'
          ? handleEmma
          : isSecondMePath(path)
            ? handleSecondMe
            : OPENAI_PATHS.includes(path)
              ? handleOpenAi
              : undefined;
    const rawBody = await readBody(req);
    let body: unknown = rawBody;
    let jsonInvalid = false;
    try {
      body = JSON.parse(rawBody);
    } catch {
      jsonInvalid = true;
    }
    const record: RecordedRequest = { method: req.method ?? '', path, headers: flatHeaders(req), body, outcome: 'pending' };
    requests.push(record);
    settledWaiters.set(
      record,
      new Promise((resolve) =>
        res.once('close', () => {
          record.outcome = res.writableFinished ? 'completed' : 'aborted';
          record.status = res.statusCode;
          resolve();
        }),
      ),
    );
    if (!handler) {
      const known = path === '/api/chat/stream' || isSecondMePath(path) || OPENAI_PATHS.includes(path);
      return known ? sendJson(res, 405, { detail: 'Method Not Allowed' }) : sendJson(res, 404, { detail: 'Not Found' });
    }

    const exchange: Exchange = {
      req,
      res,
      path,
      body: jsonInvalid ? undefined : body,
      jsonInvalid,
      config,
      faults(lastUserMessage) {
        const markerFaults = parseMarkers(lastUserMessage);
        const gateway =
          counter.next(markerFaults, `marker\n${path}\n${lastUserMessage}`, true) ?? counter.next(serverFaults, 'server', false);
        return { behaviour: streamBehaviour([...serverFaults, ...markerFaults], config.delayMs), ...(gateway ? { gateway } : {}) };
      },
    };
    await handler(exchange);
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const work = path.startsWith('/__sim/') ? control(req, res, path) : api(req, res, path);
    work.catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { detail: `simulator error: ${String(error)}` });
      else res.destroy();
    });
  });
  // Real endpoints keep idle connections for seconds to minutes. A 1 s timeout made the client reuse a
  // socket the simulator was just closing when the machine was loaded (UND_ERR_SOCKET before any reply,
  // seen in a clean-clone UI run). close() ends every connection at once, whatever this is.
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    modelRequests,
    setFault,
    clearRequests: () => {
      requests.length = 0;
      modelRequests.length = 0;
    },
    async settled(index) {
      const record = requests[index];
      if (!record) throw new Error(`no request #${index} recorded (have ${requests.length})`);
      await settledWaiters.get(record);
      return record;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
