import assert from 'node:assert/strict';
import { indentationBlock, innermostSymbol } from '../../../src/chat/enclosingBlock';

describe('enclosing block without a selection', () => {
  it('picks the innermost multi-line symbol containing the cursor', () => {
    const symbols = [
      { name: 'Cls', startLine: 0, endLine: 20, children: [{ name: 'method', startLine: 5, endLine: 9 }, { name: 'field', startLine: 3, endLine: 3 }] },
      { name: 'other', startLine: 22, endLine: 30 },
    ];
    assert.deepEqual(innermostSymbol(symbols, 7), { startLine: 5, endLine: 9, name: 'method' });
    assert.deepEqual(innermostSymbol(symbols, 3), { startLine: 0, endLine: 20, name: 'Cls' }, 'one-line symbols are skipped');
    assert.equal(innermostSymbol(symbols, 21), undefined);
  });

  const ts = ['import x from "y";', '', 'function f(a) {', '  if (a) {', '    return 1;', '  }', '  return 2;', '}', '', 'const z = 3;'];

  it('on a block header takes the block with its closing brace', () => {
    assert.deepEqual(indentationBlock(ts, 2), { startLine: 2, endLine: 7 });
    assert.deepEqual(indentationBlock(ts, 3), { startLine: 3, endLine: 5 });
  });

  it('inside a block takes the block of the nearest shallower header', () => {
    assert.deepEqual(indentationBlock(ts, 4), { startLine: 3, endLine: 5 });
    assert.deepEqual(indentationBlock(ts, 6), { startLine: 2, endLine: 7 });
  });

  it('works for indentation-only languages (Python)', () => {
    const py = ['def f(a):', '    if a:', '        return 1', '', '    return 2', '', 'x = 1'];
    assert.deepEqual(indentationBlock(py, 4), { startLine: 0, endLine: 4 });
    assert.deepEqual(indentationBlock(py, 2), { startLine: 1, endLine: 2 });
  });

  it('falls back to the current line at top level, and to nothing on a blank line', () => {
    assert.deepEqual(indentationBlock(ts, 9), { startLine: 9, endLine: 9 });
    assert.equal(indentationBlock(ts, 1), undefined);
  });
});
