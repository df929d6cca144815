import { fieldSentences } from "@quarry/core/schemas/messages";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newPasswordSchema, passwordStrength } from "./password.ts";

describe("password strength", () => {
  it("refuses a common password however long it is", () => {
    const strength = passwordStrength("password123");
    expect(strength.score).toBeLessThan(3);
    expect(strength.problem).toMatch(/^is too easy to guess\. This is a commonly used password\./);
  });

  it("accepts a long, uncommon passphrase", () => {
    expect(passwordStrength("correct horse battery")).toMatchObject({ problem: null, label: "Very strong" });
  });

  it("reports a short password by its length", () => {
    expect(passwordStrength("x7#").problem).toBe("must be at least 10 characters");
  });

  it("gives the form one sentence naming the field", () => {
    const form = z.object({ newPassword: newPasswordSchema });
    const weak = form.safeParse({ newPassword: "password123" });
    expect(weak.success).toBe(false);
    if (weak.success) return;
    expect(fieldSentences(weak.error).newPassword).toMatch(/^New password is too easy to guess\./);
    const short = form.safeParse({ newPassword: "short" });
    expect(short.success ? null : fieldSentences(short.error)).toEqual({
      newPassword: "New password must be at least 10 characters",
    });
  });
});
