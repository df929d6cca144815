import type { Clock } from "@quarry/core/clock";
import type { Logger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";
import type { ContextUser, RequestInfo } from "@quarry/trpc/context";

/**
 * What services need from a procedure's context. The tRPC context satisfies these shapes, so a
 * procedure passes its `ctx` through unchanged.
 */
export interface PublicCtx {
  db: Database;
  clock: Clock;
  log: Logger;
}

/** A signed-in user acting on their own account. */
export interface AccountCtx extends PublicCtx {
  user: ContextUser;
}

/** A member acting inside `workspaceId`, with the role the builder found and checked. */
export interface WorkspaceCtx extends AccountCtx {
  workspaceId: string;
  role: string;
}

/** Services that mail links need the app's public origin. */
export interface MailingCtx {
  req: Pick<RequestInfo, "appOrigin">;
}
