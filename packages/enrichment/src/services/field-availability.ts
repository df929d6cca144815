import type { ProviderDefinition } from "../providers/provider.ts";
import { NO_KEY_PREFIX } from "./estimate-run.ts";

/** The reasons a field cannot be filled, each said once wherever several fields share it. */
export const NO_PROVIDER = "No provider is set in its waterfall.";
export const TEST_MODE_NO_PROVIDER =
  "Test mode uses only the free built-ins and the sandbox, and neither can fill this.";
export const NEEDS_KEY =
  "Only vendors without an API key can fill this: add a key on the Providers page, or turn on test mode.";
export const PAUSED = "The providers that can fill this are paused after repeated failures.";

/**
 * Why no enabled provider of a field's waterfall can fill it now, or null when one can.
 * `availability` maps provider id → why it is unavailable (null: available), as
 * providerAvailability gives it.
 */
export function fieldUnavailable(
  providers: readonly ProviderDefinition[],
  availability: ReadonlyMap<string, string | null>,
  testMode: boolean,
): string | null {
  if (providers.length === 0) return testMode ? TEST_MODE_NO_PROVIDER : NO_PROVIDER;
  if (providers.some((p) => (availability.get(p.id) ?? null) === null)) return null;
  const noKey = providers.every((p) => p.needsApiKey && availability.get(p.id)?.startsWith(NO_KEY_PREFIX));
  return noKey ? NEEDS_KEY : PAUSED;
}
