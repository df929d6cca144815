import type { Logger } from "@quarry/core/logger";
import type { SecretBox } from "@quarry/core/secret-box";
import type { Database } from "@quarry/db/client";
import { providerKeyBox } from "./provider-key-box.ts";
import { privateNetworksAllowed } from "./vendor-network.ts";

/** What every provider-key service receives. */
export interface ProviderKeysContext {
  db: Database;
  workspaceId: string;
  actor: { id: string } | null;
  log: Logger;
  box: SecretBox;
  /** ENRICHMENT_ALLOW_PRIVATE_NETWORKS: whether a base URL may name a private or loopback host. */
  allowPrivateNetworks: boolean;
  /** For key checks (default: the guarded vendor fetch); tests may pass their own. */
  fetch?: typeof fetch;
}

/** The context for a signed-in user calling a procedure. */
export function providerKeysContext(ctx: {
  db: Database;
  workspaceId: string;
  user: { id: string };
  log: Logger;
}): ProviderKeysContext {
  return {
    db: ctx.db,
    workspaceId: ctx.workspaceId,
    actor: { id: ctx.user.id },
    log: ctx.log,
    box: providerKeyBox(),
    allowPrivateNetworks: privateNetworksAllowed(),
  };
}
