import { stripeFromEnv } from "@quarry/billing/services/stripe-client";
import { syncPlans } from "@quarry/billing/services/sync-plans";
import { z } from "zod";
import type { AdminDeps } from "./admin-commands.ts";
import { parseFlags, UsageError } from "./parse-flags.ts";

/** `billing-sync`: creates or updates the Stripe Products and Prices of the plans (idempotent). */
export async function billingSyncCommand(deps: AdminDeps, args: string[]) {
  parseFlags(args, z.object({}));
  const stripe = stripeFromEnv(deps.env);
  if (!stripe) throw new UsageError("STRIPE_SECRET_KEY is not set: there is no Stripe account to sync");
  return { plans: await syncPlans(stripe) };
}
