/**
 * The parts of undici Parley uses — its dispatchers (Agent, Pool, the two
 * proxy agents), their `request()` and its error classes — without the rest
 * of its index (fetch, WebSocket, EventSource, caches, mocks): about 310 KB of
 * the 520 KB bundle. The production build makes this module dist/undici.js,
 * read on the first request (see undici.ts and esbuild.js).
 *
 * undici has no `exports` map, so these paths are reachable; they are its
 * internal layout, so an undici upgrade must keep them (the HTTP unit tests
 * run through this module and fail if one moves).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Undici from 'undici';

const Dispatcher = require('undici/lib/dispatcher/dispatcher') as typeof Undici.Dispatcher;
// What undici's index does: request() and the other calls on every dispatcher.
Object.assign(Dispatcher.prototype, require('undici/lib/api') as object);

export const Agent = require('undici/lib/dispatcher/agent') as typeof Undici.Agent;
export const Pool = require('undici/lib/dispatcher/pool') as typeof Undici.Pool;
export const ProxyAgent = require('undici/lib/dispatcher/proxy-agent') as typeof Undici.ProxyAgent;
export const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent') as typeof Undici.EnvHttpProxyAgent;
export const errors = require('undici/lib/core/errors') as typeof Undici.errors;
