import { AppError } from "@quarry/core/app-error";
import type { LimitCtxOf, LimitedResource, PlanLimitsOf } from "@quarry/core/plan-limits";
import type { Database } from "@quarry/db/client";
import { type Plan, plans } from "../plans.ts";
import { findBillingState } from "../queries/billing-state.queries.ts";
import { countLimited, lockLimitCount, tryLockLimitCount } from "../queries/limits.queries.ts";
import { effectiveState } from "./get-billing.ts";

type LimitCtx = LimitCtxOf<Database>;

const words: Record<
  LimitedResource,
  { one: string; many: string; verb: string; planKey: keyof Plan["limits"] }
> = {
  records: { one: "contact or company", many: "contacts and companies", verb: "add", planKey: "records" },
  seats: {
    one: "seat (members and open invitations)",
    many: "seats (members and open invitations)",
    verb: "invite",
    planKey: "seats",
  },
  api_keys: { one: "API key", many: "API keys", verb: "create", planKey: "apiKeys" },
};

const number = (n: number) => n.toLocaleString("en-US");

/** The plan whose limits apply to the workspace now (no billing row: Free; trialing: the trial's plan). */
export async function currentPlan(ctx: LimitCtx): Promise<Plan> {
  const state = effectiveState(await findBillingState(ctx.db, ctx.workspaceId), ctx.clock.now());
  return plans[state.plan];
}

/** The sentence a refusal shows: the plan, its limit, the count now, and where to upgrade. */
export function limitMessage(
  plan: Plan,
  resource: LimitedResource,
  limit: number,
  count: number,
  adding: number,
) {
  const w = words[resource];
  const allows = `Your ${plan.name} plan allows ${number(limit)} ${limit === 1 ? w.one : w.many}`;
  const has =
    adding === 1
      ? `this workspace has ${number(count)}`
      : `this workspace has ${number(count)} and this would add ${number(adding)}`;
  return `${allows}; ${has}. Upgrade on the Billing page to ${w.verb} more.`;
}

/**
 * Locks the count (until the transaction ends) and returns the plan, its limit and the count now;
 * null: unlimited. `wait: false` takes the lock only if it is free: what is created on the side
 * (room) often comes after row locks (enrichment relinking contacts), and waiting there for a
 * create that holds the lock and wants those rows would deadlock; it counts without the lock then.
 */
async function lockedUsage(ctx: LimitCtx, resource: LimitedResource, opts: { wait: boolean }) {
  if (!ctx.db.isTransaction) throw new Error("plan limits are checked inside the transaction that inserts");
  const plan = await currentPlan(ctx);
  const limit = plan.limits[words[resource].planKey];
  if (limit === null) return null;
  if (opts.wait) await lockLimitCount(ctx.db, ctx.workspaceId, resource);
  else await tryLockLimitCount(ctx.db, ctx.workspaceId, resource);
  const count = await countLimited(ctx.db, ctx.workspaceId, resource, ctx.clock.now());
  return { plan, limit, count };
}

/**
 * The plan limits packages/billing gives the rest of the app (see @quarry/core/plan-limits):
 * refuses what would pass the limit, never touches what is there already (a workspace over its
 * limit after a downgrade keeps everything and cannot add).
 */
export const planLimits: PlanLimitsOf<Database> = {
  async check(ctx, resource, adding) {
    const usage = await lockedUsage(ctx, resource, { wait: true });
    if (!usage || usage.count + adding <= usage.limit) return;
    throw new AppError("FORBIDDEN", limitMessage(usage.plan, resource, usage.limit, usage.count, adding));
  },
  async room(ctx, resource) {
    const usage = await lockedUsage(ctx, resource, { wait: false });
    return usage ? Math.max(0, usage.limit - usage.count) : null;
  },
};
