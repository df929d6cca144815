import { z } from "zod";

/** Kinds of ledger transaction (docs/enrichment.md) and the accounts their postings move credits between. */
export const entryKinds = [
  "grant",
  "purchase",
  "hold",
  "capture",
  "release",
  "refund",
  "adjustment",
] as const;
export type EntryKind = (typeof entryKinds)[number];

export const accounts = ["external", "available", "held", "spent"] as const;
export type Account = (typeof accounts)[number];

/** A whole number of credits; amounts stay well inside the integers JavaScript represents exactly. */
export const creditsSchema = z
  .number({ message: "must be a whole number of credits" })
  .int({ message: "must be a whole number of credits" })
  .max(1_000_000_000_000, { message: "must be at most 1,000,000,000,000 credits" });

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1, { message: "is required" })
  .max(200, { message: "must be at most 200 characters" });
