import type { AccessOf } from "@quarry/core/actions";
import type { ServiceCtxOf } from "@quarry/core/service-context";
import type { Database } from "./client.ts";

/** What every service receives: `{ db, workspaceId, actor, log, clock }`; `db` may be a transaction. */
export type ServiceCtx = ServiceCtxOf<Database>;

/** A service acting on the actor's own account, outside any workspace (sessions, listing workspaces). */
export type AccountCtx = Omit<ServiceCtx, "workspaceId">;

/** A service with nobody signed in yet (sign-in, sign-up, password reset). */
export type PublicCtx = Omit<AccountCtx, "actor">;

/** Workspace access, supplied by packages/workspaces to the procedure builders. */
export type Access = AccessOf<Database>;
