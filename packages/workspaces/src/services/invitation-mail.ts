import type { OutgoingMail } from "@quarry/mail/queries/outbox.queries";
import type { Role } from "../permissions.ts";

export const roleLabels: Record<Role, string> = {
  owner: "owner",
  admin: "admin",
  member: "member",
  viewer: "viewer (read-only)",
  billing_admin: "billing admin",
};

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** One line, so names typed by users cannot break the subject header. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The invitation mail: who invites whom to which workspace, with which role, and the link. */
export function invitationMail(opts: {
  to: string;
  workspaceName: string;
  inviterName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const role = roleLabels[opts.role];
  const expires = opts.expiresAt.toUTCString();
  const text = [
    `${opts.inviterName} invited you to join the workspace "${opts.workspaceName}" on Quarry as ${role}.`,
    "",
    `Accept the invitation: ${opts.link}`,
    "",
    `The link works once, only for ${opts.to}, and expires ${expires}.`,
    "If you did not expect this invitation, you can ignore this message.",
  ].join("\n");
  const html = [
    `<p>${escapeHtml(opts.inviterName)} invited you to join the workspace <strong>${escapeHtml(opts.workspaceName)}</strong> on Quarry as ${escapeHtml(role)}.</p>`,
    `<p><a href="${escapeHtml(opts.link)}">Accept the invitation</a></p>`,
    `<p>The link works once, only for ${escapeHtml(opts.to)}, and expires ${escapeHtml(expires)}.</p>`,
    "<p>If you did not expect this invitation, you can ignore this message.</p>",
  ].join("\n");
  return {
    to: opts.to,
    subject: oneLine(`${opts.inviterName} invited you to ${opts.workspaceName} on Quarry`),
    text,
    html,
  };
}
