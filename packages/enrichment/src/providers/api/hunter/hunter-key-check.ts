import { z } from "zod";
import { type KeyCheck, type KeyCheckContext, keyCheckFromFailure } from "../shared/key-check.ts";
import { hunterFailure, hunterGet } from "./hunter-http.ts";

/** GET /v2/account: free, and says how many searches the plan has left this month. */
const accountBody = z.object({
  data: z.object({
    plan_name: z.string().nullish(),
    requests: z
      .object({ searches: z.object({ used: z.number(), available: z.number() }).nullish() })
      .nullish(),
  }),
});

export async function checkHunterKey(ctx: KeyCheckContext): Promise<KeyCheck> {
  const result = await hunterGet(ctx, "/v2/account", {});
  if (!result.ok) return keyCheckFromFailure(result.outcome);
  const res = result.response;
  if (res.status !== 200) return keyCheckFromFailure(hunterFailure(res));
  const parsed = accountBody.safeParse(res.body);
  if (!parsed.success)
    return { status: "unreachable", message: "Hunter sent an account answer Quarry could not read" };
  const plan = parsed.data.data.plan_name ?? "Hunter";
  const searches = parsed.data.data.requests?.searches;
  if (searches && searches.used >= searches.available) {
    return {
      status: "quota_exceeded",
      message: `Key works, but the ${plan} plan has no searches left this month`,
    };
  }
  const left = searches
    ? `: ${searches.available - searches.used} of ${searches.available} searches left`
    : "";
  return { status: "valid", message: `Key works (${plan} plan${left})` };
}
