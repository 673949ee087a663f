/**
 * Finding "the block around the cursor" when nothing is selected: the
 * innermost multi-line symbol from the language's document symbols when there
 * are any, else a block found from indentation, else the current line.
 * Lines are 0-based here (as in the VS Code API).
 */

export interface SymbolRange {
  name: string;
  startLine: number;
  endLine: number;
  children?: SymbolRange[];
}

export interface LineBlock {
  startLine: number;
  endLine: number;
  name?: string;
}

/** The innermost symbol spanning more than one line that contains `line`. */
export function innermostSymbol(symbols: readonly SymbolRange[], line: number): LineBlock | undefined {
  let best: LineBlock | undefined;
  for (const symbol of symbols) {
    if (line < symbol.startLine || line > symbol.endLine) continue;
    if (symbol.endLine > symbol.startLine) {
      if (!best || symbol.endLine - symbol.startLine < best.endLine - best.startLine) {
        best = { startLine: symbol.startLine, endLine: symbol.endLine, name: symbol.name };
      }
    }
    const inner = symbol.children ? innermostSymbol(symbol.children, line) : undefined;
    if (inner && (!best || inner.endLine - inner.startLine <= best.endLine - best.startLine)) best = inner;
  }
  return best;
}

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

function indentOf(text: string): number {
  const match = /^[ \t]*/.exec(text);
  // A tab counts as 4 columns; mixed indentation only needs to compare consistently.
  return (match?.[0] ?? '').replace(/\t/g, '    ').length;
}

/** Closing lines that belong to the block they end (`}`, `)`, `end`, `</tag>` …). */
const CLOSER = /^\s*([}\])]|end\b|fi\b|done\b|esac\b|<\/)/;

function nextNonBlank(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i])) return i;
  return undefined;
}

/** The block headed by `header`: it and the following deeper-indented lines, plus a closing line at its own level. */
function blockFromHeader(lines: readonly string[], header: number): LineBlock | undefined {
  const headerText = lines[header] ?? '';
  const indent = indentOf(headerText);
  const first = nextNonBlank(lines, header + 1);
  if (first === undefined || indentOf(lines[first] ?? '') <= indent) return undefined;
  let end = first;
  for (let i = first + 1; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (isBlank(text)) continue;
    if (indentOf(text) > indent) {
      end = i;
      continue;
    }
    if (indentOf(text) === indent && CLOSER.test(text)) end = i;
    break;
  }
  return { startLine: header, endLine: end };
}

/**
 * A block found from indentation alone: if the cursor's line heads a block
 * (the next line is indented deeper) that block; otherwise the block whose
 * header is the nearest shallower line above; otherwise the current line.
 * Blank lines yield undefined (there is nothing at the cursor).
 */
export function indentationBlock(lines: readonly string[], line: number): LineBlock | undefined {
  const text = lines[line];
  if (isBlank(text)) return undefined;
  const own = blockFromHeader(lines, line);
  if (own) return own;
  const indent = indentOf(text ?? '');
  for (let i = line - 1; i >= 0; i--) {
    const above = lines[i] ?? '';
    if (isBlank(above) || CLOSER.test(above)) continue;
    if (indentOf(above) < indent) {
      const block = blockFromHeader(lines, i);
      if (block && block.endLine >= line) return block;
      break;
    }
  }
  return { startLine: line, endLine: line };
}
