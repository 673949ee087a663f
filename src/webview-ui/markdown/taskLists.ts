// GitHub-style task list items ("- [ ] todo", "- [x] done") as a tiny markdown-it
// core rule. The checkbox is a read-only ARIA checkbox drawn with a codicon,
// never a form control (the sanitizer allows no forms).
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';

const TASK_PREFIX = /^\[([ xX])\][ \t]/;

function isTaskInline(tokens: Token[], i: number): boolean {
  const inline = tokens[i];
  return (
    inline?.type === 'inline' &&
    tokens[i - 1]?.type === 'paragraph_open' &&
    tokens[i - 2]?.type === 'list_item_open' &&
    inline.children?.[0]?.type === 'text' &&
    TASK_PREFIX.test(inline.children[0].content)
  );
}

/** The list_open token that encloses the list item at `itemIndex`. */
function enclosingList(tokens: Token[], itemIndex: number): Token | undefined {
  const level = (tokens[itemIndex]?.level ?? 0) - 1;
  for (let i = itemIndex - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token && token.level === level && token.nesting === 1) return token;
  }
  return undefined;
}

export function taskListsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('parley_task_lists', (state) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      if (!isTaskInline(tokens, i)) continue;
      const inline = tokens[i] as Token;
      const first = (inline.children as Token[])[0] as Token;
      const match = TASK_PREFIX.exec(first.content) as RegExpExecArray;
      const checked = match[1] !== ' ';
      first.content = first.content.slice(match[0].length);
      const box = new state.Token('parley_task_checkbox', '', 0);
      box.meta = { checked };
      (inline.children as Token[]).unshift(box);
      tokens[i - 2]?.attrJoin('class', 'task-list-item');
      const list = enclosingList(tokens, i - 2);
      if (list && !String(list.attrGet('class') ?? '').includes('contains-task-list')) {
        list.attrJoin('class', 'contains-task-list');
      }
    }
  });
  md.renderer.rules.parley_task_checkbox = (tokens, idx) => {
    const checked = (tokens[idx]?.meta as { checked: boolean } | undefined)?.checked === true;
    const icon = checked ? 'codicon-pass-filled' : 'codicon-circle-large-outline';
    return (
      `<span class="task-list-checkbox codicon ${icon}" role="checkbox" ` +
      `aria-checked="${checked}" aria-readonly="true"></span> `
    );
  };
}
