// A file the code-block action tests replace and diff against.
export function placeholder(): number {
  return 0;
}
