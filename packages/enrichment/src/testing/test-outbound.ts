import { randomBytes } from "node:crypto";
import { guardedFetch } from "@quarry/core/guarded-fetch";
import { createSecretBox } from "@quarry/core/secret-box";
import { configureEnrichment, type EnrichmentOutbound } from "../services/default-deps.ts";

/**
 * What tests run enrichment with: vendor fakes listen on 127.0.0.1, so private networks are
 * allowed here, explicitly (the app refuses them unless QUARRY_ALLOW_PRIVATE_NETWORKS is set).
 * One secret box per process, so a key saved by one caller decrypts for the next.
 */
export const testOutbound: EnrichmentOutbound = {
  secretBox: createSecretBox({ id: "test", key: randomBytes(32) }),
  fetch: guardedFetch({ allowPrivateNetworks: true }),
  allowPrivateNetworks: true,
};

/** Configures this process's enrichment with testOutbound (test callers and test apps call it). */
export function configureEnrichmentForTests(): void {
  configureEnrichment(testOutbound);
}
