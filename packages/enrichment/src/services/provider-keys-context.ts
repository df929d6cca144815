import type { Logger } from "@quarry/core/logger";
import type { SecretBox } from "@quarry/core/secret-box";
import type { Database } from "@quarry/db/client";
import { appOutbound } from "./default-deps.ts";

/** What every provider-key service receives. */
export interface ProviderKeysContext {
  db: Database;
  workspaceId: string;
  actor: { id: string } | null;
  log: Logger;
  box: SecretBox;
  /** QUARRY_ALLOW_PRIVATE_NETWORKS: whether a base URL may name a private or loopback host. */
  allowPrivateNetworks: boolean;
  /** For key checks: the process's guarded vendor fetch; tests may pass their own. */
  fetch: typeof fetch;
}

/** The context for a signed-in user calling a procedure. */
export function providerKeysContext(ctx: {
  db: Database;
  workspaceId: string;
  user: { id: string };
  log: Logger;
}): ProviderKeysContext {
  const outbound = appOutbound();
  return {
    db: ctx.db,
    workspaceId: ctx.workspaceId,
    actor: { id: ctx.user.id },
    log: ctx.log,
    box: outbound.secretBox,
    allowPrivateNetworks: outbound.allowPrivateNetworks,
    fetch: outbound.fetch,
  };
}
