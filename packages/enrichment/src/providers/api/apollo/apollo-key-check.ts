import { z } from "zod";
import { type KeyCheck, type KeyCheckContext, keyCheckFromFailure } from "../shared/key-check.ts";
import { apolloCall, apolloFailure } from "./apollo-http.ts";

/** GET /api/v1/auth/health (the call Apollo's authentication docs use): { healthy, is_logged_in }. */
const healthBody = z.object({ is_logged_in: z.boolean() });

export async function checkApolloKey(ctx: KeyCheckContext): Promise<KeyCheck> {
  const result = await apolloCall(ctx, { method: "GET", path: "/api/v1/auth/health" });
  if (!result.ok) return keyCheckFromFailure(result.outcome);
  const res = result.response;
  if (res.status !== 200) return keyCheckFromFailure(apolloFailure(res));
  const parsed = healthBody.safeParse(res.body);
  if (!parsed.success)
    return { status: "unreachable", message: "Apollo sent a health answer Quarry could not read" };
  return parsed.data.is_logged_in
    ? { status: "valid", message: "Key works" }
    : { status: "invalid", message: "Apollo did not accept the API key" };
}
