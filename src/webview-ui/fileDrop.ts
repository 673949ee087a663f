/**
 * Files dropped on the chat view become attachments. VS Code hands a drag to
 * a webview only while Shift is held (the placeholder says so); the URIs come
 * as VS Code's own uri list or the standard `text/uri-list`.
 */
import { post } from './vscodeApi';

const URI_LIST_TYPES = ['application/vnd.code.uri-list', 'text/uri-list'];

/** The URIs in a drop, without comments and blank lines. */
export function droppedUris(data: DataTransfer): string[] {
  for (const type of URI_LIST_TYPES) {
    const list = data.getData(type);
    if (!list) continue;
    const uris = list.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    if (uris.length) return uris.slice(0, 100);
  }
  return [];
}

export function acceptFileDrops(target: HTMLElement): void {
  target.addEventListener('dragover', (event) => {
    if (!event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  target.addEventListener('drop', (event) => {
    if (!event.dataTransfer) return;
    const uris = droppedUris(event.dataTransfer);
    if (uris.length === 0) return;
    event.preventDefault();
    post({ type: 'attachDrop', uris });
  });
}
