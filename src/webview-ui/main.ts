// Browser entry of the chat view; built to dist/webview.js.
const root = document.getElementById('root');
if (root) root.textContent = 'Parley';
