import { AppError } from "./app-error.ts";
import type { Clock } from "./clock.ts";
import type { Logger } from "./logger.ts";
import type { PlanLimitsOf } from "./plan-limits.ts";

/**
 * Who is acting: a signed-in user, an API key (attributed to the member who created it), or the
 * system itself (a task, the CLI), named for the activity log.
 */
export type Actor =
  | { kind: "user"; id: string }
  | { kind: "api_key"; id: string; createdBy: string | null }
  | { kind: "system"; name: string };

/**
 * The one context every service receives, built once per request, API call or task. Generic over
 * the database type only because core sits below db: use `ServiceCtx` from `@quarry/db/service-context`.
 */
export interface ServiceCtxOf<Db> {
  db: Db;
  workspaceId: string;
  actor: Actor;
  log: Logger;
  clock: Clock;
  /** The plan limits port (packages/core/src/plan-limits.ts); set by the tRPC, REST and task contexts. */
  limits?: PlanLimitsOf<Db> | undefined;
}

export function userActor(id: string): Actor {
  return { kind: "user", id };
}

export function apiKeyActor(key: { keyId: string; createdBy: string | null }): Actor {
  return { kind: "api_key", id: key.keyId, createdBy: key.createdBy };
}

export function systemActor(name: string): Actor {
  return { kind: "system", name };
}

/** The user a write is attributed to (created_by, actor_id columns): an API key's creator; none for the system. */
export function actorUserId(actor: Actor): string | null {
  switch (actor.kind) {
    case "user":
      return actor.id;
    case "api_key":
      return actor.createdBy;
    case "system":
      return null;
  }
}

/** The signed-in user acting, for what only a person may do (their sessions, memberships): else FORBIDDEN. */
export function actingUserId(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in user can do this.");
  return actor.id;
}
