import type { Clock } from "./clock.ts";

/**
 * What a workspace's plan limits, counted where each is created: live contacts and companies,
 * seats (members and open invitations), API keys not revoked.
 */
export const limitedResources = ["records", "seats", "api_keys"] as const;
export type LimitedResource = (typeof limitedResources)[number];

/** What a limit check needs from the service context; `db` must be the transaction that inserts. */
export interface LimitCtxOf<Db> {
  db: Db;
  workspaceId: string;
  clock: Clock;
}

/**
 * The plan limits port. Lower domains (records, workspaces) call it through the service context;
 * packages/billing implements it (`planLimits`) from the workspace's plan, and apps/server and
 * jobs put that one implementation into `Outbound.limits`, from where the tRPC, REST and task
 * contexts copy it into `ctx.limits`. `check` takes a per-workspace, per-resource lock held until
 * the caller's transaction ends, so two creates at the limit cannot both pass.
 */
export interface PlanLimitsOf<Db> {
  /** Throws FORBIDDEN, naming the plan, the limit, the count and the upgrade path, when `adding` more would pass the limit. */
  check(ctx: LimitCtxOf<Db>, resource: LimitedResource, adding: number): Promise<void>;
  /**
   * How many more may be added now (null: unlimited), for what is created on the side and may be
   * skipped. Takes the lock only if it is free (never waits: callers may hold row locks already).
   */
  room(ctx: LimitCtxOf<Db>, resource: LimitedResource): Promise<number | null>;
}

/** Checks a plan limit when the context has the port (processes wire it; contexts built by hand in tests may not). */
export async function checkPlanLimit<Db>(
  ctx: LimitCtxOf<Db> & { limits?: PlanLimitsOf<Db> | undefined },
  resource: LimitedResource,
  adding = 1,
): Promise<void> {
  if (adding <= 0 || !ctx.limits) return;
  await ctx.limits.check(ctx, resource, adding);
}

/** How many more may be added (null: unlimited, or no port in this context). */
export async function planLimitRoom<Db>(
  ctx: LimitCtxOf<Db> & { limits?: PlanLimitsOf<Db> | undefined },
  resource: LimitedResource,
): Promise<number | null> {
  return ctx.limits ? ctx.limits.room(ctx, resource) : null;
}
