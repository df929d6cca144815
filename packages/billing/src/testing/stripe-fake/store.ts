/** In-memory state of the fake: every object by id, creation order per type, the clock, the current request. */
import { randomBytes } from "node:crypto";
import { missing } from "./errors.ts";
import type { Params } from "./form.ts";
import { int, str } from "./form.ts";
import type { ApiList, Customer, PendingItem, StripeObject, TestClock } from "./types.ts";

export interface FakeClock {
  now(): Date;
}

export interface RequestContext {
  id: string | null;
  idempotency_key: string | null;
}

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export class Store {
  private readonly byId = new Map<string, StripeObject>();
  private readonly byType = new Map<string, StripeObject[]>();
  readonly pendingItems: PendingItem[] = [];
  request: RequestContext = { id: null, idempotency_key: null };

  private readonly clock: FakeClock;
  readonly baseUrl: () => string;

  constructor(clock: FakeClock, baseUrl: () => string) {
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** Unix seconds now; for objects of a customer on a test clock, the clock's frozen time. */
  now(customerId?: string | null): number {
    if (customerId) {
      const customer = this.byId.get(customerId) as Customer | undefined;
      if (customer?.test_clock)
        return (this.get(customer.test_clock, "test_helpers.test_clock") as TestClock).frozen_time;
    }
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  newId(prefix: string): string {
    return prefix === "cs" ? `cs_test_${randomId(58)}` : `${prefix}_${randomId(24)}`;
  }

  put<T extends StripeObject>(obj: T): T {
    if (!this.byId.has(obj.id)) {
      const list = this.byType.get(obj.object) ?? [];
      list.push(obj);
      this.byType.set(obj.object, list);
    }
    this.byId.set(obj.id, obj);
    return obj;
  }

  find(id: string): StripeObject | undefined {
    return this.byId.get(id);
  }

  get<T extends StripeObject = StripeObject>(id: string, object: T["object"], param = "id"): T {
    const found = this.byId.get(id);
    if (!found || found.object !== object || found.deleted === true) throw missing(id, param);
    return found as T;
  }

  all<T extends StripeObject = StripeObject>(object: T["object"]): T[] {
    return [...((this.byType.get(object) ?? []) as T[])];
  }

  remove(id: string): void {
    const found = this.byId.get(id);
    if (!found) return;
    this.byId.delete(id);
    const list = this.byType.get(found.object) ?? [];
    this.byType.set(
      found.object,
      list.filter((o) => o.id !== id),
    );
  }
}

/** Stripe's list envelope: newest first, `limit` (1–100, default 10), `starting_after` / `ending_before` cursors. */
export function paginate<T extends StripeObject>(items: T[], params: Params, url: string): ApiList<T> {
  const limit = Math.min(Math.max(int(params, "limit") ?? 10, 1), 100);
  let sorted = [...items].reverse();
  const after = str(params, "starting_after");
  const before = str(params, "ending_before");
  if (after) {
    const index = sorted.findIndex((o) => o.id === after);
    if (index < 0) throw missing(after, "starting_after");
    sorted = sorted.slice(index + 1);
  }
  if (before) {
    const index = sorted.findIndex((o) => o.id === before);
    if (index < 0) throw missing(before, "ending_before");
    sorted = sorted.slice(0, index);
    const data = sorted.slice(Math.max(sorted.length - limit, 0));
    return { object: "list", data, has_more: sorted.length > limit, url };
  }
  return { object: "list", data: sorted.slice(0, limit), has_more: sorted.length > limit, url };
}

/** `created[gte]=…` style filters (and `created=…` exact), as on every Stripe list. */
export function createdFilter(params: Params): (o: StripeObject) => boolean {
  const raw = params.created;
  if (raw === undefined) return () => true;
  if (typeof raw === "string") return (o) => o.created === Number(raw);
  if (Array.isArray(raw)) return () => true;
  const bound = (k: string) => (typeof raw[k] === "string" ? Number(raw[k]) : undefined);
  const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
  return (o) => {
    const c = o.created as number;
    return (
      (gt === undefined || c > gt) &&
      (gte === undefined || c >= gte) &&
      (lt === undefined || c < lt) &&
      (lte === undefined || c <= lte)
    );
  };
}
