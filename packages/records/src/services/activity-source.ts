import type { Actor } from "@quarry/core/service-context";
import { type ActivitySource, activitySources } from "../schemas/activity.ts";

/**
 * What the activity log shows as a change's source, from who made it: a person in the app, the
 * public API (a key), or the named system process (import, enrichment; anything else is "system").
 */
export function activitySource(actor: Actor): ActivitySource {
  if (actor.kind === "user") return "user";
  if (actor.kind === "api_key") return "api";
  const named = activitySources.find((source) => source === actor.name);
  return named && named !== "user" && named !== "api" ? named : "system";
}
