import { describe, expect, it } from "vitest";
import { invitationMail } from "./invitation-mail.ts";

const base = {
  to: "ada@example.com",
  workspaceName: "Acme",
  inviterName: "Grace",
  role: "billing_admin" as const,
  link: "http://localhost:3000/invite/abc",
  expiresAt: new Date("2026-01-22T12:00:00Z"),
};

describe("invitationMail", () => {
  it("names the workspace, the inviter, the role and carries the link", () => {
    const mail = invitationMail(base);
    expect(mail.subject).toBe("Grace invited you to Acme on Quarry");
    expect(mail.text).toContain('join the workspace "Acme" on Quarry as billing admin');
    expect(mail.text).toContain("http://localhost:3000/invite/abc");
    expect(mail.html).toContain('href="http://localhost:3000/invite/abc"');
  });

  it("escapes names in the HTML and keeps the subject on one line", () => {
    const mail = invitationMail({
      ...base,
      workspaceName: "<b>Evil</b>\r\nBcc: x@y.z",
      inviterName: 'A "B"',
    });
    expect(mail.html).toContain("&lt;b&gt;Evil&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>Evil");
    expect(mail.html).toContain("A &quot;B&quot;");
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
