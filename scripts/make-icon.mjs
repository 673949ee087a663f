// Makes media/parley.png, the 128×128 marketplace icon, from media/parley.svg
// (the activity-bar icon): its strokes in white on a rounded blue square.
// `npm run icon` reruns it; the PNG is committed so packaging needs no renderer.
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const SIZE = 128;
const BACKGROUND = '#2f6fdb';

const source = readFileSync(new URL('../media/parley.svg', import.meta.url), 'utf8');
const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(source)?.[1];
if (!inner) throw new Error('media/parley.svg: no <svg> content found');

// The source is drawn on a 24×24 grid; scale it to fill 96 px of the 128 px square.
const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <rect width="${SIZE}" height="${SIZE}" rx="24" fill="${BACKGROUND}"/>
  <g transform="translate(16 18) scale(4)" fill="none" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round">${inner}</g>
</svg>`;

const png = new Resvg(icon, { fitTo: { mode: 'width', value: SIZE } }).render().asPng();
writeFileSync(new URL('../media/parley.png', import.meta.url), png);
console.log(`media/parley.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
