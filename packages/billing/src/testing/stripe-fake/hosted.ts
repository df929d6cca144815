/** The fake's hosted pages: Checkout (a form with "Pay"), the Billing Portal, hosted invoices and their PDFs. */
import type { ServerResponse } from "node:http";
import { testCards } from "./cards.ts";
import { completeCheckout } from "./checkout-engine.ts";
import type { Fake } from "./context.ts";
import { type Params, str } from "./form.ts";
import type { CheckoutSession, Invoice, Subscription } from "./types.ts";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main>${body}</main></body></html>`,
  );
}

function checkoutPage(res: ServerResponse, session: CheckoutSession, error?: string) {
  const amount = ((session.amount_total as number) / 100).toFixed(2);
  const options = Object.keys(testCards)
    .map((name) => `<option value="${name}">${esc(name)} (•••• ${testCards[name]?.last4})</option>`)
    .join("");
  page(
    res,
    error ? 402 : 200,
    "Checkout",
    `<h1>Pay ${esc(String(session.currency ?? "usd").toUpperCase())} ${amount}</h1>
${error ? `<p role="alert">${esc(error)}</p>` : ""}
<form method="post" action="/checkout/${esc(session.id)}">
<label for="email">Email</label><input id="email" name="email" type="email" value="${esc(session.customer_email ?? "customer@example.com")}">
<label for="card">Card</label><select id="card" name="card">${options}</select>
<button type="submit">Pay</button></form>
${session.cancel_url ? `<a href="${esc(session.cancel_url)}">Back</a>` : ""}`,
  );
}

export function handleHosted(fx: Fake, method: string, url: URL, form: Params, res: ServerResponse) {
  const [, kind, id, extra] = url.pathname.split("/");
  const found = id ? fx.store.find(id) : undefined;
  if (kind === "checkout" && found?.object === "checkout.session") {
    const session = found as CheckoutSession;
    if (session.status !== "open")
      return page(res, 410, "Checkout", "<h1>This Checkout Session is no longer active.</h1>");
    if (method === "GET") return checkoutPage(res, session);
    const decline = completeCheckout(
      fx,
      session,
      str(form, "card") ?? "visa",
      str(form, "email") ?? "customer@example.com",
    );
    if (decline) return checkoutPage(res, session, decline.message);
    const target = (session.success_url ?? "/").replaceAll("{CHECKOUT_SESSION_ID}", session.id);
    res.writeHead(303, { location: target });
    res.end();
    return;
  }
  if (kind === "billing_portal" && found?.object === "billing_portal.session") {
    const subs = fx.store
      .all<Subscription>("subscription")
      .filter((s) => s.customer === found.customer && s.status !== "canceled");
    const rows = subs
      .map(
        (s) =>
          `<li>${esc(s.items.data.map((i) => i.price.lookup_key ?? i.price.id).join(", "))}: ${esc(s.status)}${s.cancel_at_period_end ? " (cancels at period end)" : ""}</li>`,
      )
      .join("");
    const back = found.return_url ? `<a href="${esc(found.return_url)}">Return</a>` : "";
    return page(res, 200, "Billing portal", `<h1>Billing portal</h1><ul>${rows}</ul>${back}`);
  }
  if (kind === "invoices" && found?.object === "invoice") {
    const invoice = found as Invoice;
    if (extra === "pdf") {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end(
        `%PDF-1.4\n% Stripe fake invoice ${invoice.id} ${invoice.number} ${invoice.amount_due}\n%%EOF\n`,
      );
      return;
    }
    const lines = invoice.lines.data
      .map((l) => `<li>${esc(l.description)}: ${(l.amount / 100).toFixed(2)}</li>`)
      .join("");
    return page(
      res,
      200,
      `Invoice ${invoice.number}`,
      `<h1>Invoice ${esc(invoice.number)}</h1><p>Status: ${esc(invoice.status)}</p><p>Amount due: ${(invoice.amount_due / 100).toFixed(2)}</p><ul>${lines}</ul>`,
    );
  }
  page(res, 404, "Not found", "<h1>Not found</h1>");
}
