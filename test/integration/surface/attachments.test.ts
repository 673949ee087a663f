// What can be attached, read in the real extension host: files (text, binary,
// too large, folders, outside the workspace), selections, untitled editors and
// notebook cells — each either an attachment or a refusal that says why.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ATTACHMENT_MAX_BYTES, fromDocument, fromUri, refusalText, type AttachResult } from '../../../src/host/attachmentReader';
import { removeTestFiles } from './helpers';

function attachment(result: AttachResult) {
  assert.ok('attachment' in result, JSON.stringify(result));
  return result.attachment;
}

function refusal(result: AttachResult) {
  assert.ok('refusal' in result, JSON.stringify(result));
  return result.refusal;
}

describe('attachments from files, selections, untitled editors and notebook cells', () => {
  let folder: vscode.Uri;
  const file = (name: string) => vscode.Uri.joinPath(folder, '.parley-test', name);
  const write = (name: string, bytes: Uint8Array) => vscode.workspace.fs.writeFile(file(name), bytes);

  before(function () {
    const first = vscode.workspace.workspaceFolders?.[0];
    if (!first) this.skip();
    folder = (first as vscode.WorkspaceFolder).uri;
  });
  after(() => removeTestFiles());

  it('a workspace text file: its path, language and content, no line range', async () => {
    await write('util.ts', new TextEncoder().encode('export const a = 1;\n'));
    const a = attachment(await fromUri(file('util.ts')));
    assert.deepEqual([a.path, a.language, a.content, a.startLine], ['.parley-test/util.ts', 'typescript', 'export const a = 1;\n', undefined]);
  });

  it('refuses a binary file, a file over 256 KB and a folder, saying why', async () => {
    await write('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const binary = refusal(await fromUri(file('image.png')));
    assert.equal(binary.reason, 'binary');
    assert.match(refusalText(binary), /image\.png is a binary file/);

    await write('huge.txt', new TextEncoder().encode('x'.repeat(ATTACHMENT_MAX_BYTES + 1)));
    const huge = refusal(await fromUri(file('huge.txt')));
    assert.deepEqual([huge.reason, huge.bytes], ['tooLarge', ATTACHMENT_MAX_BYTES + 1]);
    assert.match(refusalText(huge), /huge\.txt is 257 KB; Parley attaches at most 256 KB/);

    assert.equal(refusal(await fromUri(vscode.Uri.joinPath(folder, '.parley-test'))).reason, 'folder');
  });

  it('refuses a file outside the workspace that is not open, and one that does not exist', async () => {
    const outside = vscode.Uri.file(path.join(os.tmpdir(), `parley-outside-${Date.now()}.txt`));
    await vscode.workspace.fs.writeFile(outside, new TextEncoder().encode('secret-ish'));
    try {
      const refused = refusal(await fromUri(outside));
      assert.equal(refused.reason, 'outsideWorkspace');
      assert.match(refusalText(refused), /is outside the workspace\. Open it in VS Code first/);
    } finally {
      await vscode.workspace.fs.delete(outside);
    }
    assert.equal(refusal(await fromUri(file('missing.ts'))).reason, 'unreadable');
  });

  it('a selection: whole lines with its 1-based range; one ending at column 0 leaves that line out', async () => {
    await write('lines.py', new TextEncoder().encode('a = 1\nb = 2\nc = 3\nd = 4\n'));
    const document = await vscode.workspace.openTextDocument(file('lines.py'));
    const a = attachment(fromDocument(document, new vscode.Range(1, 0, 3, 0)));
    assert.deepEqual([a.startLine, a.endLine, a.content, a.language], [2, 3, 'b = 2\nc = 3', 'python']);
  });

  it('an untitled editor: its name and unsaved text', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'SELECT 1;', language: 'sql' });
    const a = attachment(fromDocument(document));
    assert.match(a.path, /^Untitled-\d+$/);
    assert.deepEqual([a.content, a.language], ['SELECT 1;', 'sql']);
  });

  it('a notebook cell: named after its notebook and cell number', async function () {
    let notebook: vscode.NotebookDocument;
    try {
      notebook = await vscode.workspace.openNotebookDocument(
        'jupyter-notebook',
        new vscode.NotebookData([
          new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, '# Title', 'markdown'),
          new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'print(40 + 2)', 'python'),
        ]),
      );
    } catch {
      this.skip(); // no Jupyter notebook support in this editor build
      return;
    }
    const cell = notebook.cellAt(1).document;
    const a = attachment(fromDocument(cell));
    assert.match(a.path, /#cell 2$/);
    assert.deepEqual([a.content, a.language], ['print(40 + 2)', 'python']);
  });
});
