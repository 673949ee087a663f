/**
 * The view may only choose a model it was offered for that profile (the
 * `models` of its ProviderInfo): anything else a page posts is ignored, so it
 * cannot write arbitrary text into the user's settings. Pure, tested in Node.
 */
import type { ProviderInfo } from '../protocol/model';

export function isOfferedModel(providers: readonly ProviderInfo[], providerId: string, model: string): boolean {
  return providers.find((p) => p.id === providerId)?.models?.includes(model) ?? false;
}
