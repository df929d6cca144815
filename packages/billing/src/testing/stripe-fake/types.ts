/** The fields of Stripe objects the fake's logic reads and writes; every object carries more (see the builders). */
export type Meta = Record<string, string>;

export interface StripeObject {
  id: string;
  object: string;
  [key: string]: unknown;
}

export interface ApiList<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export interface Recurring {
  interval: "day" | "week" | "month" | "year";
  interval_count: number;
  trial_period_days: number | null;
  [key: string]: unknown;
}

export interface Price extends StripeObject {
  object: "price";
  active: boolean;
  currency: string;
  unit_amount: number | null;
  product: string;
  lookup_key: string | null;
  recurring: Recurring | null;
  type: "one_time" | "recurring";
  metadata: Meta;
}

export interface Product extends StripeObject {
  object: "product";
  name: string;
  active: boolean;
  metadata: Meta;
}

export interface Customer extends StripeObject {
  object: "customer";
  email: string | null;
  name: string | null;
  metadata: Meta;
  invoice_settings: { default_payment_method: string | null; [key: string]: unknown };
  test_clock: string | null;
}

export interface PaymentMethod extends StripeObject {
  object: "payment_method";
  customer: string | null;
  card: { brand: string; last4: string; [key: string]: unknown };
  /** Not serialised: which test card this is. */
  testCard?: string;
}

export interface SubscriptionItem extends StripeObject {
  object: "subscription_item";
  price: Price;
  quantity: number;
  subscription: string;
  current_period_start: number;
  current_period_end: number;
  metadata: Meta;
}

export type SubscriptionStatus =
  | "incomplete"
  | "incomplete_expired"
  | "trialing"
  | "active"
  | "past_due"
  | "canceled"
  | "unpaid"
  | "paused";

export interface Subscription extends StripeObject {
  object: "subscription";
  customer: string;
  status: SubscriptionStatus;
  items: ApiList<SubscriptionItem>;
  metadata: Meta;
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  canceled_at: number | null;
  ended_at: number | null;
  trial_start: number | null;
  trial_end: number | null;
  default_payment_method: string | null;
  latest_invoice: string | null;
  billing_cycle_anchor: number;
  currency: string;
  test_clock: string | null;
}

export interface InvoiceLine extends StripeObject {
  object: "line_item";
  amount: number;
  currency: string;
  description: string | null;
  period: { start: number; end: number };
  quantity: number | null;
}

export interface Invoice extends StripeObject {
  object: "invoice";
  customer: string;
  status: "draft" | "open" | "paid" | "uncollectible" | "void";
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  attempt_count: number;
  attempted: boolean;
  next_payment_attempt: number | null;
  lines: ApiList<InvoiceLine>;
  parent: {
    type: "subscription_details";
    subscription_details: { subscription: string; metadata: Meta };
  } | null;
  total: number;
  currency: string;
  billing_reason: string;
  default_payment_method: string | null;
  status_transitions: { finalized_at: number | null; paid_at: number | null; [key: string]: unknown };
}

export interface PaymentIntent extends StripeObject {
  object: "payment_intent";
  amount: number;
  currency: string;
  customer: string | null;
  payment_method: string | null;
  status: string;
  latest_charge: string | null;
  metadata: Meta;
  last_payment_error: unknown;
  next_action: unknown;
}

export interface Charge extends StripeObject {
  object: "charge";
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  disputed: boolean;
  payment_intent: string | null;
  customer: string | null;
  currency: string;
  status: string;
}

export interface CheckoutSession extends StripeObject {
  object: "checkout.session";
  mode: "payment" | "subscription" | "setup";
  status: "open" | "complete" | "expired";
  customer: string | null;
  customer_email: string | null;
  success_url: string | null;
  cancel_url: string | null;
  metadata: Meta;
  /** Not serialised: the line items, returned when `expand[]=line_items`. */
  lineItems?: { price: string; quantity: number }[];
  subscriptionData?: { metadata: Meta; trial_period_days: number | null };
  paymentIntentData?: { metadata: Meta };
}

export interface TestClock extends StripeObject {
  object: "test_helpers.test_clock";
  frozen_time: number;
  status: "ready" | "advancing" | "internal_failure";
  name: string | null;
}

export interface PendingItem {
  id: string;
  customer: string;
  subscription: string;
  subscription_item: string;
  amount: number;
  currency: string;
  description: string;
  period: { start: number; end: number };
  price: string;
  quantity: number;
}
