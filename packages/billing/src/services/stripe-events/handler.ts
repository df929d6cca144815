import type { Clock } from "@quarry/core/clock";
import type { Logger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";
import type Stripe from "stripe";
import type { StripeEventPayload } from "../process-stripe-event.ts";

export interface HandlerCtx {
  /** The transaction that also marks the event processed. */
  db: Database;
  clock: Clock;
  log: Logger;
  /** The process's Stripe client, for handlers that re-fetch an object as it is now; null: not configured. */
  stripe?: Stripe | null;
}

export interface StoredEvent {
  id: string;
  type: string;
  /** Stripe's created time of the event: the order events are applied in. */
  created: Date;
  payload: StripeEventPayload;
}

export interface HandlerResult {
  outcome: "applied" | "ignored";
  workspaceId: string | null;
  /** Why an event was ignored (stale, no workspace), kept on the inbox row. */
  note?: string | null;
}

export type StripeEventHandler = (ctx: HandlerCtx, event: StoredEvent) => Promise<HandlerResult>;

/** The event's object, or {} (handlers then find no workspace and ignore it). */
export function eventObject(event: StoredEvent): Record<string, unknown> {
  return event.payload.data?.object ?? {};
}

export function str(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

/** An id field that Stripe sends as a string, or as the expanded object. */
export function idOf(value: unknown): string | null {
  if (typeof value === "string") return value || null;
  if (value && typeof value === "object") return str((value as { id?: unknown }).id);
  return null;
}

export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A Stripe timestamp (seconds) as a Date. */
export function stripeTime(value: unknown): Date | null {
  const n = num(value);
  return n === null ? null : new Date(n * 1000);
}

export function ignored(note: string, workspaceId: string | null = null): HandlerResult {
  return { outcome: "ignored", workspaceId, note };
}
