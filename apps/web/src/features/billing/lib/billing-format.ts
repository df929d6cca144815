import { formatNumber } from "../../../app/lib/format.ts";
import type { RouterOutputs } from "../../../app/trpc.ts";

export type Billing = RouterOutputs["billing"]["get"];
export type PlanOffer = Billing["plans"][number];
export type PlanLimits = Billing["plan"]["limits"];
export type BillingAccount = NonNullable<Billing["account"]>;

const statusLabels: Record<BillingAccount["status"], string> = {
  trialing: "Trial",
  active: "Active",
  past_due: "Payment overdue",
  canceled: "Canceled",
  free: "Free",
};

export function statusLabel(status: BillingAccount["status"]): string {
  return statusLabels[status];
}

/** 4900 → "$49 / month"; 0 → "Free". */
export function formatMonthlyPrice(cents: number): string {
  if (cents === 0) return "Free";
  const dollars = cents / 100;
  const text = Number.isInteger(dollars) ? formatNumber(dollars) : dollars.toFixed(2);
  return `$${text} / month`;
}

/** A limit as text: null is unlimited. */
export function formatLimit(value: number | null): string {
  return value === null ? "Unlimited" : formatNumber(value);
}

export const limitLabels: [keyof PlanLimits, string][] = [
  ["records", "Records"],
  ["seats", "Seats"],
  ["workflows", "Workflows"],
  ["integrations", "Integrations"],
  ["apiKeys", "API keys"],
];

/** Whether the workspace pays for a subscription now (plan changes go through the portal). */
export function isSubscribed(account: BillingAccount | null): boolean {
  return account?.status === "active" || account?.status === "past_due";
}
