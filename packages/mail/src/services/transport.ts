import nodemailer, { type Transporter } from "nodemailer";

/**
 * Process-wide mail settings, set once at start-up from the environment. Without an SMTP URL
 * mail stays in the outbox table (shown at /dev/mailbox outside production).
 */
let transport: Transporter | null = null;
let fromAddress = "Quarry <no-reply@quarry.local>";

export function configureMailTransport(opts: { smtpUrl: string | undefined; from: string }): void {
  transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  fromAddress = opts.from;
}

export function mailTransport(): { transport: Transporter | null; from: string } {
  return { transport, from: fromAddress };
}
