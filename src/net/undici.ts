/**
 * undici, loaded on the first request rather than at activation: it is most
 * of the host bundle's weight (~0.5 MB) and nothing before the first request
 * needs it. The production build maps this `require` to dist/undici.js, a
 * bundle of its own next to dist/extension.js (see esbuild.js).
 */
export type Undici = typeof import('undici');

let loaded: Undici | undefined;

export function loadUndici(): Undici {
  // A plain require (not a static import) so that undici is read only here, on first use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('undici') as Undici;
  return loaded;
}
