/** UI strings supplied by the host in `init`; `{0}`-style placeholders. */
import type { UiStringKey } from '../protocol/uiStringKeys';

let strings: Record<string, string> = {};

export function setStrings(next: Record<string, string>): void {
  strings = next;
}

export function t(key: UiStringKey, ...args: Array<string | number>): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}
