// Link reference definitions of a streamed message. A definition may come
// after the blocks that use it ("see [docs]" … "[docs]: https://…"), and a
// whole render resolves those uses; so when a committed block defines a new
// label, the committed blocks that mention that label must be rendered again.
// Only those, and within a budget: re-rendering costs at most as many
// characters as were committed so far (the rest waits for finish()), so a
// reply's total render work stays within a constant factor of one whole
// render however its definitions are spread.
import type { References } from './markdownEngine';
import { markdownEngine } from './renderPipeline';

/** Every bracketed text (innermost brackets) of `text`, normalized the way markdown-it keys references. */
export function referenceCandidates(text: string): string[] {
  if (!text.includes(']')) return [];
  const normalize = markdownEngine().utils.normalizeReference;
  const labels = new Set<string>();
  for (const match of text.matchAll(/\[((?:\\[\s\S]|[^\\[\]])+)\]/g)) {
    const label = normalize(match[1] as string);
    if (label !== '') labels.add(label);
  }
  return [...labels];
}

export interface LedgerEntry {
  /** Labels this segment mentions (candidates) and the ones it defined first. */
  uses: readonly string[];
  defined: readonly string[];
  /** Source length: what rendering it again costs. */
  size: number;
}

export class ReferenceLedger<S extends LedgerEntry> {
  /** Every definition committed so far (first definition of a label wins, as in markdown-it). */
  readonly known: References = Object.create(null) as References;
  private readonly users = new Map<string, Set<S>>();
  private readonly stale = new Set<S>();
  /** Characters that may still be re-rendered before finish(). */
  private credit = 0;

  /** Labels `definitions` adds to what is known (not yet added). */
  newLabels(definitions: References): string[] {
    return Object.keys(definitions).filter((label) => this.known[label] === undefined);
  }

  /** Registers a committed segment (its `defined` labels must come from newLabels()); marks the users of its new labels stale. */
  add(segment: S, definitions: References): void {
    for (const label of segment.uses) {
      let set = this.users.get(label);
      if (!set) this.users.set(label, (set = new Set()));
      set.add(segment);
    }
    for (const label of segment.defined) {
      this.known[label] = definitions[label] as References[string];
      this.markUsers(label, segment);
    }
    this.credit += segment.size;
  }

  /** Forgets a segment taken back (replace(), more text after finish()); users of its labels render again. */
  remove(segment: S): void {
    this.stale.delete(segment);
    for (const label of segment.uses) this.users.get(label)?.delete(segment);
    for (const label of segment.defined) {
      delete this.known[label];
      this.markUsers(label, segment);
    }
  }

  /** How many segments wait to be rendered again. */
  get staleCount(): number {
    return this.stale.size;
  }

  /**
   * Stale segments to render again now: all of them when 'final'; at most
   * `maxChars` and `maxCount` of them (at least one) when 'finishing'; when
   * 'streaming', as many as the budget allows, within the same limits.
   */
  takeStale(mode: 'streaming' | 'finishing' | 'final', maxChars = Infinity, maxCount = Infinity): S[] {
    const taken: S[] = [];
    let size = 0;
    for (const segment of this.stale) {
      if (mode !== 'final' && size > 0 && (size + segment.size > maxChars || taken.length >= maxCount)) break;
      if (mode === 'streaming' && segment.size > this.credit) break;
      if (mode === 'streaming') this.credit -= segment.size;
      size += segment.size;
      taken.push(segment);
    }
    for (const segment of taken) this.stale.delete(segment);
    return taken;
  }

  private markUsers(label: string, except: S): void {
    for (const user of this.users.get(label) ?? []) if (user !== except) this.stale.add(user);
  }
}
