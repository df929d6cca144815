/** Customers and their PaymentMethods (test cards attached by token: pm_card_visa, pm_card_chargeCustomerFail …). */
import { cardOf, declineError, resolvePaymentMethod } from "../cards.ts";
import { newCustomer } from "../customer-builder.ts";
import { invalidRequest } from "../errors.ts";
import { mergeMetadata, obj, required, str } from "../form.ts";
import { type ApiRequest, arg, type Route, route } from "../router.ts";
import { createdFilter, paginate } from "../store.ts";
import type { Customer, PaymentMethod, TestClock } from "../types.ts";

function applyCustomer(req: ApiRequest, customer: Customer) {
  const p = req.params;
  for (const key of ["email", "name", "description", "phone"]) {
    const v = str(p, key);
    if (v !== undefined) customer[key] = v === "" ? null : v;
  }
  customer.metadata = mergeMetadata(customer.metadata, p);
  const settings = obj(p, "invoice_settings");
  const pmId = settings ? str(settings, "default_payment_method") : undefined;
  if (pmId) {
    const pm = req.fx.store.get<PaymentMethod>(
      pmId,
      "payment_method",
      "invoice_settings[default_payment_method]",
    );
    if (pm.customer !== customer.id) {
      throw invalidRequest(
        `No such PaymentMethod: '${pmId}'; It's possible this PaymentMethod exists on one of your connected accounts, in which case you should retry this request on that connected account.`,
        "invoice_settings[default_payment_method]",
        "resource_missing",
      );
    }
  }
  if (pmId !== undefined) customer.invoice_settings.default_payment_method = pmId || null;
}

function createCustomer(req: ApiRequest) {
  const { store, bus } = req.fx;
  const clock = str(req.params, "test_clock") ?? null;
  if (clock) store.get<TestClock>(clock, "test_helpers.test_clock", "test_clock");
  const customer = newCustomer(store, { email: null, testClock: clock });
  const id = customer.id;
  const pm = str(req.params, "payment_method");
  if (pm) attach(req, pm, id);
  applyCustomer(req, customer);
  bus.emit("customer.created", customer);
  return customer;
}

export function attach(req: ApiRequest, idOrToken: string, customerId: string): PaymentMethod {
  const customer = req.fx.store.get<Customer>(customerId, "customer", "customer");
  const pm = resolvePaymentMethod(req.fx.store, idOrToken);
  const decline = cardOf(pm).declineOnAttach;
  if (decline) throw declineError(decline, { param: "" });
  pm.customer = customer.id;
  req.fx.bus.emit("payment_method.attached", pm);
  return pm;
}

function listPaymentMethods(req: ApiRequest, customer: string | undefined) {
  const items = req.fx.store
    .all<PaymentMethod>("payment_method")
    .filter((pm) => pm.customer !== null && (!customer || pm.customer === customer));
  return paginate(
    items,
    req.params,
    customer ? `/v1/customers/${customer}/payment_methods` : "/v1/payment_methods",
  );
}

export const customerRoutes: Route[] = [
  route("POST", "/v1/customers", createCustomer),
  route("GET", "/v1/customers", (req) => {
    const email = str(req.params, "email");
    const items = req.fx.store
      .all<Customer>("customer")
      .filter((c) => !email || c.email === email)
      .filter(createdFilter(req.params));
    return paginate(items, req.params, "/v1/customers");
  }),
  route("GET", "/v1/customers/:id", (req) => {
    const found = req.fx.store.find(arg(req));
    if (found?.object === "customer" && found.deleted === true)
      return { id: found.id, object: "customer", deleted: true };
    return req.fx.store.get<Customer>(arg(req), "customer");
  }),
  route("POST", "/v1/customers/:id", (req) => {
    const customer = req.fx.store.get<Customer>(arg(req), "customer");
    const previous = structuredClone(customer);
    applyCustomer(req, customer);
    const changed = Object.fromEntries(
      Object.entries(previous).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(customer[k])),
    );
    req.fx.bus.emit("customer.updated", customer, changed);
    return customer;
  }),
  route("DELETE", "/v1/customers/:id", (req) => {
    const customer = req.fx.store.get<Customer>(arg(req), "customer");
    customer.deleted = true;
    req.fx.bus.emit("customer.deleted", customer);
    return { id: customer.id, object: "customer", deleted: true };
  }),
  route("GET", "/v1/customers/:id/payment_methods", (req) => {
    req.fx.store.get<Customer>(arg(req), "customer");
    return listPaymentMethods(req, arg(req));
  }),
  route("GET", "/v1/payment_methods", (req) => listPaymentMethods(req, required(req.params, "customer"))),
  route("POST", "/v1/payment_methods", (req) => {
    const card = obj(req.params, "card");
    return resolvePaymentMethod(req.fx.store, (card && str(card, "token")) ?? "pm_card_visa", "card[token]");
  }),
  route("GET", "/v1/payment_methods/:id", (req) =>
    req.fx.store.get<PaymentMethod>(arg(req), "payment_method"),
  ),
  route("POST", "/v1/payment_methods/:id/attach", (req) =>
    attach(req, arg(req), required(req.params, "customer")),
  ),
  route("POST", "/v1/payment_methods/:id/detach", (req) => {
    const pm = req.fx.store.get<PaymentMethod>(arg(req), "payment_method");
    const previous = { customer: pm.customer };
    pm.customer = null;
    req.fx.bus.emit("payment_method.detached", pm, previous);
    return pm;
  }),
];
