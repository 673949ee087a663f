/**
 * Picks the undici dispatcher for a request: VS Code's explicit `http.proxy`
 * (with `http.noProxy` and `http.proxyStrictSSL`), else the environment's
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, else a direct connection. VS Code's own
 * fetch patching does not cover direct undici calls, so this is done here.
 * Dispatchers are cached by their settings, never created per request.
 */
import type { Dispatcher, Pool } from 'undici';
import { ProviderError } from './errors';
import { errorText } from './errorTexts';
import { errorCode } from './failures';
import { REDACTED } from './redact';
import type { NetworkSettings } from './settings';
import type { Undici } from './undici';

export interface Route {
  dispatcher: Dispatcher;
  /** Which proxy this request goes through, for messages (credentials masked); undefined when direct. */
  via?: string;
}

const cache = new Map<string, Dispatcher>();

function cached(key: string, create: () => Dispatcher): Dispatcher {
  let dispatcher = cache.get(key);
  if (!dispatcher) {
    dispatcher = create();
    cache.set(key, dispatcher);
  }
  return dispatcher;
}

/** Closes every cached dispatcher (tests, extension shutdown). Open requests are ended. */
export async function closeDispatchers(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  await Promise.all(all.map((dispatcher) => dispatcher.destroy().catch(() => undefined)));
}

/** Number of cached dispatchers; for tests that check reuse. */
export function cachedDispatcherCount(): number {
  return cache.size;
}

type TunnelOptions = Parameters<Pool['connect']>[0];
type TunnelPoolClass = new (origin: URL, options: Pool.Options, connectMs: number) => Pool;

let tunnelPoolClass: TunnelPoolClass | undefined;

/**
 * The client undici's ProxyAgent uses to ask the proxy for a CONNECT tunnel.
 * undici would wait up to 300 s for the proxy's answer; opening the tunnel is
 * part of connecting, so it gets the connect timeout and is reported as one.
 * Defined once undici is loaded (it extends undici's Pool).
 */
function defineTunnelPool({ Pool, errors }: Undici): TunnelPoolClass {
  return class TunnelPool extends Pool {
    constructor(
      origin: URL,
      options: Pool.Options,
      private readonly connectMs: number,
    ) {
      super(origin, { ...options, headersTimeout: connectMs });
    }

    override connect(options: TunnelOptions): Promise<Dispatcher.ConnectData>;
    override connect(options: TunnelOptions, callback: (err: Error | null, data: Dispatcher.ConnectData) => void): void;
    override connect(
      options: TunnelOptions,
      callback?: (err: Error | null, data: Dispatcher.ConnectData) => void,
    ): Promise<Dispatcher.ConnectData> | void {
      const opened = super.connect(options).catch((error: unknown) => {
        if (errorCode(error) === 'UND_ERR_HEADERS_TIMEOUT') {
          throw new errors.ConnectTimeoutError(`the proxy did not answer CONNECT within ${this.connectMs} ms`);
        }
        throw error;
      });
      if (!callback) return opened;
      opened.then(
        (data) => callback(null, data),
        (error: Error) => callback(error, undefined as unknown as Dispatcher.ConnectData),
      );
    }
  };
}

function tunnelClientFactory(undici: Undici, connectMs: number): (origin: URL, options: object) => Dispatcher {
  const TunnelPool = (tunnelPoolClass ??= defineTunnelPool(undici));
  return (origin, options) => new TunnelPool(origin, options as Pool.Options, connectMs);
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/**
 * True when `url` must bypass the proxy per `noProxy` entries (VS Code's
 * `http.noProxy`, curl's NO_PROXY): `*` matches all; `host` matches the host
 * and its subdomains; `.suffix` / `*.suffix` match subdomains and the suffix
 * itself; `host:port` only that port. Entries may also be comma separated.
 */
export function bypassesProxy(url: URL, noProxy: readonly string[] | undefined): boolean {
  if (!noProxy || noProxy.length === 0) return false;
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port) || defaultPort(url.protocol);
  for (const entry of noProxy.flatMap((e) => e.split(/[,\s]+/))) {
    const trimmed = entry.trim().toLowerCase();
    if (!trimmed) continue;
    if (trimmed === '*') return true;
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(trimmed);
    const entryHost = (withPort ? withPort[1]! : trimmed).replace(/^\[(.*)\]$/, '$1').replace(/^\*?\./, '');
    if (withPort && Number(withPort[2]) !== port) continue;
    if (host === entryHost || host.endsWith(`.${entryHost}`)) return true;
  }
  return false;
}

/**
 * The proxy setting as it may be shown: everything before the last "@" (the
 * userinfo, however oddly typed) replaced, so no part of a password survives.
 */
export function describeProxySetting(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at < 0) return raw;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
  return `${scheme}${REDACTED}@${raw.slice(at + 1)}`;
}

/** The explicit proxy URL, with `http://` added when the scheme is missing; throws a `network` error when unusable. */
function parseProxyUrl(setting: string, label: string): URL {
  const raw = describeProxySetting(setting);
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(setting) ? setting : `http://${setting}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // No `cause`: URL's TypeError carries the whole input, password included.
    throw new ProviderError('network', errorText('proxy.badUrl', { provider: label, proxy: raw }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProviderError('network', errorText('proxy.badScheme', { provider: label, proxy: raw, scheme: url.protocol }));
  }
  return url;
}

/** The proxy's address for messages: scheme, host and port, never credentials. */
function describeProxy(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name];
  return value && value.trim() ? value.trim() : undefined;
}

/**
 * The dispatcher for `target` under `network`. `connectMs` is part of the
 * dispatcher (undici applies it per connection), so it is part of the cache key.
 */
export function routeFor(
  undici: Undici,
  target: URL,
  network: NetworkSettings | undefined,
  connectMs: number,
  label: string,
  env: NodeJS.ProcessEnv = process.env,
): Route {
  const strictSSL = network?.proxy?.strictSSL ?? true;
  const explicit = network?.proxy?.url?.trim();

  if (explicit) {
    const proxyUrl = parseProxyUrl(explicit, label);
    if (!bypassesProxy(target, network?.proxy?.noProxy)) {
      const dispatcher = cached(`explicit|${proxyUrl.href}|${strictSSL}|${connectMs}`, () => {
        const tls = { rejectUnauthorized: strictSSL, timeout: connectMs };
        return new undici.ProxyAgent({
          uri: proxyUrl.href,
          requestTls: tls,
          proxyTls: tls,
          connect: { timeout: connectMs },
          clientFactory: tunnelClientFactory(undici, connectMs),
        });
      });
      return { dispatcher, via: describeProxy(proxyUrl) };
    }
    return { dispatcher: direct(undici, connectMs) };
  }

  const httpsProxy = envValue(env, 'HTTPS_PROXY');
  const httpProxy = envValue(env, 'HTTP_PROXY');
  if (httpsProxy || httpProxy) {
    const noProxy = envValue(env, 'NO_PROXY') ?? '';
    const key = `env|${httpProxy ?? ''}|${httpsProxy ?? ''}|${noProxy}|${strictSSL}|${connectMs}`;
    const dispatcher = cached(key, () => {
      const tls = { rejectUnauthorized: strictSSL, timeout: connectMs };
      return new undici.EnvHttpProxyAgent({
        httpProxy,
        httpsProxy,
        noProxy,
        requestTls: tls,
        proxyTls: tls,
        connect: { timeout: connectMs },
        clientFactory: tunnelClientFactory(undici, connectMs),
      });
    });
    const chosen = target.protocol === 'https:' ? (httpsProxy ?? httpProxy) : httpProxy;
    const proxied = chosen !== undefined && !bypassesProxy(target, noProxy ? [noProxy] : undefined);
    let via: string | undefined;
    if (proxied) {
      try {
        via = describeProxy(new URL(chosen));
      } catch {
        via = 'the proxy from HTTPS_PROXY/HTTP_PROXY';
      }
    }
    return { dispatcher, via };
  }

  return { dispatcher: direct(undici, connectMs) };
}

function direct(undici: Undici, connectMs: number): Dispatcher {
  return cached(`direct|${connectMs}`, () => new undici.Agent({ connect: { timeout: connectMs } }));
}
