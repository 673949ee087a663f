/**
 * Random ids and nonces from the Web Crypto API (`globalThis.crypto`, in
 * Node and in browsers alike): nothing to load at activation, unlike
 * `node:crypto`, which Node compiles on its first `require` (~4 ms).
 */

/** A random UUID (v4). */
export function randomId(): string {
  return globalThis.crypto.randomUUID();
}

function randomBytes(count: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}

/** `count` random bytes as lowercase hex. */
export function randomHex(count: number): string {
  return Array.from(randomBytes(count), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `count` random bytes in base64 (a CSP nonce). */
export function randomBase64(count: number): string {
  return btoa(String.fromCharCode(...randomBytes(count)));
}
