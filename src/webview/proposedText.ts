/**
 * The text "Apply as Diff" proposes: the code replaces the selected range when
 * there is a selection, else the whole file. Offsets are character offsets
 * into the document's text. Pure, so it is tested in plain Node.
 */
export function proposedText(documentText: string, selectionStart: number, selectionEnd: number, code: string): string {
  if (selectionStart === selectionEnd) return code;
  return documentText.slice(0, selectionStart) + code + documentText.slice(selectionEnd);
}
