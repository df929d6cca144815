import { defineTask } from "@quarry/queue/define-task";
import { z } from "zod";
import { findOutboxMail, markOutboxMailSent } from "../queries/outbox.queries.ts";
import { mailTransport } from "../services/transport.ts";

/** Sends one outbox row over SMTP. Re-runs are harmless: a sent row is skipped. */
export const deliverMailTask = defineTask({
  name: "mail/deliver",
  payload: z.object({ outboxId: z.uuid() }),
  async run({ outboxId }, { db }) {
    const { transport, from } = mailTransport();
    if (!transport) return; // no SMTP: the message stays in the outbox for /dev/mailbox
    const mail = await findOutboxMail(db, outboxId);
    if (!mail || mail.sent_at) return;
    await transport.sendMail({
      from,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text_body,
      html: mail.html_body ?? undefined,
    });
    await markOutboxMailSent(db, outboxId, new Date());
  },
});
