import { describe, expect, it } from "vitest";
import { checkEmail, emailCheck } from "./email-check.ts";
import { enrichOne } from "./enrich-one.testing.ts";

describe("checkEmail", () => {
  it.each([
    ["  Ada.Lovelace@Analytical-Engines.co.uk ", "ada.lovelace@analytical-engines.co.uk", "valid", []],
    ["jane@acme.com", "jane@acme.com", "valid", []],
    ["jane.doe@gmail.com", "jane.doe@gmail.com", "valid", ["free_mail"]],
    ["kenji@yahoo.co.jp", "kenji@yahoo.co.jp", "valid", ["free_mail"]],
    ["info@acme.com", "info@acme.com", "valid", ["role_account"]],
    ["sales+emea@acme.com", "sales+emea@acme.com", "valid", ["role_account"]],
    ["throwaway@mailinator.com", "throwaway@mailinator.com", "risky", ["disposable"]],
    ["x@guerrillamail.com", "x@guerrillamail.com", "risky", ["disposable"]],
    ["jane@gmial.com", "jane@gmial.com", "risky", ["possible_typo:gmail.com"]],
    ["jane@hotmial.com", "jane@hotmial.com", "risky", ["possible_typo:hotmail.com"]],
    ["no-reply@acme.com", "no-reply@acme.com", "risky", ["no_reply"]],
    ["jane@gmail.con", "jane@gmail.con", "invalid", ["unknown_domain"]],
    ["jane@localhost", "jane@localhost", "invalid", ["syntax"]],
    ["jane@acme.internal", "jane@acme.internal", "invalid", ["unknown_domain"]],
    ["jane.acme.com", "jane.acme.com", "invalid", ["syntax"]],
    ["jane@@acme.com", "jane@@acme.com", "invalid", ["syntax"]],
    ["Jane Doe <jane@acme.com>", "jane doe <jane@acme.com>", "invalid", ["syntax"]],
  ])("%s → %s (%s)", (raw, value, verification, flags) => {
    const result = checkEmail(raw);
    expect(result).toMatchObject({ field: "email", value, verification });
    expect(result.flags).toEqual(flags);
  });

  it("is surer of a broken address than of a well-formed one it cannot deliver to", () => {
    expect(checkEmail("jane.acme.com").confidence).toBeGreaterThan(checkEmail("jane@acme.com").confidence);
  });
});

describe("email-check provider", () => {
  it("returns the normalised email with its verification", async () => {
    const outcome = await enrichOne(emailCheck, "contact", { email: "Jane@Gmail.com" });
    expect(outcome).toEqual({
      status: "found",
      values: [
        {
          field: "email",
          value: "jane@gmail.com",
          confidence: 60,
          verification: "valid",
          flags: ["free_mail"],
        },
      ],
    });
  });

  it.each([[{}], [{ email: "" }], [{ email: "   " }], [{ email: 42 }]])(
    "finds nothing in %j",
    async (values) => {
      expect(await enrichOne(emailCheck, "contact", values)).toEqual({ status: "not_found" });
    },
  );

  it("answers every record of a batch in order", async () => {
    const ctx = { apiKey: null, baseUrl: "", signal: new AbortController().signal, fetch };
    const outcomes = await emailCheck.enrich(
      [
        { entity: "contact", recordId: "a", values: { email: "a@acme.com" } },
        { entity: "contact", recordId: "b", values: {} },
        { entity: "contact", recordId: "c", values: { email: "bad" } },
      ],
      ctx,
    );
    expect(outcomes.map((o) => o.status)).toEqual(["found", "not_found", "found"]);
  });
});
