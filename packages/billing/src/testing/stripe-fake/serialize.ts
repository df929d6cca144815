/** What the API returns for a stored object: a deep copy without the fake's private fields, with `expand[]` applied. */
import type { Store } from "./store.ts";
import type { StripeObject } from "./types.ts";

const privateKeys = new Set([
  "testCard",
  "lineItems",
  "subscriptionData",
  "paymentIntentData",
  "trialWillEndSent",
]);

export function publicView<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (privateKeys.has(key) ? undefined : v))) as T;
}

type Json = Record<string, unknown>;

function expandPath(store: Store, target: unknown, path: string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined || target === null || typeof target !== "object") return target;
  const obj = target as Json;
  if (head === "data" && obj.object === "list" && Array.isArray(obj.data)) {
    obj.data = obj.data.map((item) => expandPath(store, item, rest));
    return obj;
  }
  let value = obj[head];
  if (typeof value === "string") {
    const found = store.find(value);
    if (found) value = publicView(found);
  }
  obj[head] = rest.length > 0 ? expandPath(store, value, rest) : value;
  return obj;
}

export function invoicePayments(store: Store, invoiceId: string): StripeObject[] {
  return store.all("invoice_payment").filter((p) => p.invoice === invoiceId);
}

/** `invoice.payments` is includable: present only when expanded (Stripe's API since 2025-03-31.basil). */
function includePayments(store: Store, target: unknown): void {
  const obj = target as Json | null;
  if (obj?.object !== "invoice" || typeof obj.id !== "string") return;
  const data = invoicePayments(store, obj.id).map((p) => publicView(p));
  obj.payments = { object: "list", data, has_more: false, url: `/v1/invoices/${obj.id}/payments` };
}

/** Expand ids named in `expand` (`customer`, `latest_invoice`, `items.data.price.product`, `data.customer` on lists). */
export function render(store: Store, value: object, expand: string[]): Json {
  let out = publicView(value) as Json;
  for (const path of expand) {
    if (path === "payments") includePayments(store, out);
    else if (path === "data.payments" && Array.isArray(out.data))
      for (const item of out.data) includePayments(store, item);
    else out = expandPath(store, out, path.split(".")) as Json;
  }
  return out;
}
