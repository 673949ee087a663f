// A small file the UI tests open, select from and ask Parley about.
export function greet(name: string): string {
  return `Hello, ${name}!`;
}
