/** Maps a code fence's language name to a VS Code language id (falls back to plaintext). */
const ALIASES: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascriptreact',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescriptreact',
  py: 'python',
  rb: 'ruby',
  rs: 'rust',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  shell: 'shellscript',
  console: 'shellscript',
  ps1: 'powershell',
  yml: 'yaml',
  md: 'markdown',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  kt: 'kotlin',
  golang: 'go',
  html: 'html',
  xml: 'xml',
  text: 'plaintext',
  txt: 'plaintext',
  plain: 'plaintext',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  jsonc: 'jsonc',
  tex: 'latex',
};

export function toLanguageId(fenceLanguage: string, known: readonly string[]): string {
  const name = fenceLanguage.trim().toLowerCase();
  if (name === '') return 'plaintext';
  const id = ALIASES[name] ?? name;
  return known.includes(id) ? id : 'plaintext';
}
