// Select some code here, right-click and ask Parley to explain it,
// or open Parley from the activity bar and ask a question.
export function fibonacci(n: number): number {
  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}
