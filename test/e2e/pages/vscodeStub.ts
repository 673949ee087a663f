// The webview API the chat view's modules expect (acquireVsCodeApi); the test
// page records what they post. Imported before any chat view module.
const posted: unknown[] = [];
let state: unknown;
Object.assign(globalThis, {
  acquireVsCodeApi: () => ({
    postMessage: (message: unknown) => posted.push(message),
    getState: () => state,
    setState: (next: unknown) => (state = next),
  }),
  __posted: posted,
});
export {};
