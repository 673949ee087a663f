/**
 * undici, loaded on the first request rather than at activation: it is most
 * of the host bundle's weight and nothing before the first request needs it.
 * The production build maps `./undiciParts` to dist/undici.js, a bundle of
 * its own next to dist/extension.js (see esbuild.js).
 */
export type Undici = typeof import('./undiciParts');

let loaded: Undici | undefined;

export function loadUndici(): Undici {
  // A plain require (not a static import) so that undici is read only here, on first use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./undiciParts') as Undici;
  return loaded;
}
