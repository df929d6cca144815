/** A new Customer object as Stripe returns it (shared by the API and by Checkout, which creates customers). */
import type { Store } from "./store.ts";
import type { Customer } from "./types.ts";

export function newCustomer(
  store: Store,
  fields: { email: string | null; testClock: string | null },
): Customer {
  const id = store.newId("cus");
  const customer = store.put<Customer>({
    id,
    object: "customer",
    address: null,
    balance: 0,
    created: 0,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: fields.email,
    invoice_prefix: id.slice(4, 12).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: fields.testClock,
  });
  customer.created = store.now(id);
  return customer;
}

/** Stripe numbers invoices `<customer.invoice_prefix>-<4-digit sequence>` per customer. */
export function nextInvoiceNumber(customer: Customer): string {
  const sequence = customer.next_invoice_sequence as number;
  customer.next_invoice_sequence = sequence + 1;
  return `${customer.invoice_prefix as string}-${String(sequence).padStart(4, "0")}`;
}
