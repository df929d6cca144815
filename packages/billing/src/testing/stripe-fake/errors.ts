/** Stripe's error envelope: `{ error: { type, code, message, param, ... } }` with its HTTP status. */
export interface StripeErrorBody {
  type: "invalid_request_error" | "card_error" | "idempotency_error" | "api_error" | "authentication_error";
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  charge?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
  doc_url?: string;
}

export class FakeStripeError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;

  constructor(status: number, body: StripeErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body;
  }

  toJSON(requestId: string) {
    const doc = this.body.code ? { doc_url: `https://stripe.com/docs/error-codes/${this.body.code}` } : {};
    return {
      error: { ...doc, ...this.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` },
    };
  }
}

const nouns: Record<string, string> = {
  cus: "customer",
  sub: "subscription",
  si: "subscription item",
  in: "invoice",
  pi: "payment_intent",
  cs: "checkout.session",
  price: "price",
  prod: "product",
  evt: "event",
  ch: "charge",
  pm: "PaymentMethod",
  re: "refund",
  clock: "test_helpers.test_clock",
  bps: "billing_portal.session",
};

export function missing(id: string, param = "id"): FakeStripeError {
  const prefix = id.startsWith("cs_") ? "cs" : (id.split("_")[0] ?? "");
  return new FakeStripeError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    param,
    message: `No such ${nouns[prefix] ?? "object"}: '${id}'`,
  });
}

export function invalidRequest(message: string, param?: string, code?: string): FakeStripeError {
  return new FakeStripeError(400, {
    type: "invalid_request_error",
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });
}
