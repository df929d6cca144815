import { escapeHtml, linkify } from "./html.ts";

export interface MailboxMessage {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1c1c1c}
article{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}h2{margin:0 0 .25rem;font-size:1.1rem}
.meta{color:#666;font-size:.9rem}pre{white-space:pre-wrap;word-break:break-word;background:#f7f7f7;padding:.75rem;border-radius:6px}
iframe{width:100%;height:320px;border:1px solid #ddd}form{display:flex;gap:.5rem}input{flex:1;padding:.3rem}`;

function renderMessage(m: MailboxMessage): string {
  const status = m.sent_at ? `sent ${m.sent_at.toISOString()}` : "not sent (kept in the outbox)";
  const html = m.html_body
    ? `<details><summary>HTML version</summary><iframe sandbox title="HTML version" srcdoc="${escapeHtml(m.html_body)}"></iframe></details>`
    : "";
  return `<article id="mail-${escapeHtml(m.id)}">
<h2>${escapeHtml(m.subject)}</h2>
<div class="meta">To ${escapeHtml(m.to_address)} · ${m.created_at.toISOString()} · ${status}</div>
<pre>${linkify(m.text_body)}</pre>${html}
</article>`;
}

/** The /dev/mailbox page: outbox mail, newest first, links clickable, everything else escaped. */
export function renderMailboxPage(messages: MailboxMessage[], to: string | undefined): string {
  const list = messages.length
    ? messages.map(renderMessage).join("\n")
    : `<p>No mail${to ? ` to ${escapeHtml(to)}` : ""} yet.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dev mailbox · Quarry</title><style>${STYLE}</style></head>
<body><h1>Dev mailbox</h1>
<p class="meta">Every message Quarry wrote, newest first. Without SMTP_URL nothing leaves this machine. Shown only to this machine, and never in production or with SMTP_URL set.</p>
<form method="get"><input name="to" type="email" placeholder="Only mail to…" value="${escapeHtml(to ?? "")}"><button>Filter</button><a href="/dev/mailbox">All</a></form>
${list}
</body></html>`;
}
