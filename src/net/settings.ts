/** Network settings handed to the provider layer as plain data by the host layer. */
export interface TimeoutSettings {
  /** Time allowed to open the TCP/TLS connection. */
  connectMs: number;
  /** Time allowed from sending the request until the response headers arrive. */
  firstByteMs: number;
  /** Longest silence allowed between two chunks of a streamed body. */
  idleMs: number;
}

export interface ProxySettings {
  /** `http.proxy` from VS Code settings, e.g. `http://proxy.corp:3128`. Empty: use the environment. */
  url?: string;
  /** `http.noProxy`: hosts that bypass the proxy. */
  noProxy?: string[];
  /** `http.proxyStrictSSL`. */
  strictSSL?: boolean;
}

export interface RetrySettings {
  /** Retries before the first byte, for 429/502/503/504 only. At most 2. */
  max: number;
}

export interface NetworkSettings {
  proxy?: ProxySettings;
  timeouts?: Partial<TimeoutSettings>;
  retry?: Partial<RetrySettings>;
}

export const DEFAULT_TIMEOUTS: TimeoutSettings = { connectMs: 10_000, firstByteMs: 60_000, idleMs: 60_000 };
export const DEFAULT_RETRY: RetrySettings = { max: 2 };
