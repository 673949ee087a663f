// A small file the integration tests open and select from.
export function add(a: number, b: number): number {
  return a + b;
}
