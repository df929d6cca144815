import { describe, expect, it } from "vitest";
import { toCountryCode } from "./country.ts";
import { enrichOne, valuesOf } from "./enrich-one.testing.ts";
import { normalisePhone, phoneNormalise } from "./phone-normalise.ts";

describe("normalisePhone", () => {
  it.each([
    ["+44 20 7946 0958", null, "+442079460958", "GB", false],
    ["020 7946 0958", "United Kingdom", "+442079460958", "GB", false],
    ["07400 123456", "UK", "+447400123456", "GB", true],
    ["(415) 555-2671", "USA", "+14155552671", "US", false],
    ["415.555.2671", "United States", "+14155552671", "US", false],
    ["+1 416 555 0123", null, "+14165550123", "CA", false],
    ["0049 30 901820", null, "+4930901820", "DE", false],
    ["030 901820", "Deutschland", "+4930901820", "DE", false],
    ["+49 1512 3456789", null, "+4915123456789", "DE", true],
    ["06 12 34 56 78", "France", "+33612345678", "FR", true],
    ["+91 98765 43210", null, "+919876543210", "IN", true],
    ["11 91234-5678", "Brasil", "+5511912345678", "BR", true],
    ["0412 345 678", "Australia", "+61412345678", "AU", true],
    ["+81 90-1234-5678", null, "+819012345678", "JP", true],
    ["+1 415-555-2671 ext. 12", null, "+14155552671 ext. 12", "US", false],
    ["tel:+14155552671", null, "+14155552671", "US", false],
    ["+44 20 7946 0958 / +44 7400 123456", null, "+442079460958", "GB", false],
  ])("%s (country %s) → %s", (raw, country, value, numberCountry, mobile) => {
    expect(normalisePhone(raw, toCountryCode(country))).toEqual({
      value,
      valid: true,
      country: numberCountry,
      mobile,
    });
  });

  it.each([
    ["+44 123", null],
    ["555-0100", "US"],
  ])("%s (country %s) is not a valid number", (raw, country) => {
    expect(normalisePhone(raw, toCountryCode(country))).toMatchObject({ valid: false, country: null });
  });

  it.each([["(415) 555-2671"], ["n/a"], ["12345"]])("cannot read %s without a country", (raw) => {
    expect(normalisePhone(raw, null)).toBeNull();
  });
});

describe("toCountryCode", () => {
  it.each([
    ["US", "US"],
    ["usa", "US"],
    ["U.S.A.", "US"],
    ["United States of America", "US"],
    ["UK", "GB"],
    ["England", "GB"],
    ["Deutschland", "DE"],
    ["Allemagne", "DE"],
    ["España", "ES"],
    ["Germany ", "DE"],
    ["Remote", null],
    ["EMEA", null],
    [null, null],
  ])("%s → %s", (raw, code) => {
    expect(toCountryCode(raw)).toBe(code);
  });
});

describe("phone-normalise provider", () => {
  it("normalises to E.164 with the contact's country, and files a mobile found in phone", async () => {
    const outcome = await enrichOne(phoneNormalise, "contact", {
      phone: "07400 123456",
      country: "United Kingdom",
    });
    expect(outcome).toEqual({
      status: "found",
      values: [
        { field: "phone", value: "+447400123456", confidence: 95, verification: "valid" },
        { field: "mobile_phone", value: "+447400123456", confidence: 90, verification: "valid" },
      ],
    });
  });

  it("does not file a landline or a maybe-mobile as mobile, nor replace a known mobile", async () => {
    const us = await enrichOne(phoneNormalise, "contact", { phone: "(415) 555-2671", country: "US" });
    expect(valuesOf(us)).toEqual({ phone: "+14155552671" });
    const both = await enrichOne(phoneNormalise, "contact", {
      phone: "+49 1512 3456789",
      mobile_phone: "+49 170 1234567",
      country: "DE",
    });
    expect(valuesOf(both)).toEqual({ phone: "+4915123456789", mobile_phone: "+491701234567" });
  });

  it("fills a missing country from an international number", async () => {
    const outcome = await enrichOne(phoneNormalise, "contact", { mobile_phone: "+33 6 12 34 56 78" });
    expect(valuesOf(outcome)).toEqual({ mobile_phone: "+33612345678", country: "France" });
    const company = await enrichOne(phoneNormalise, "company", { phone: "+1 416 555 0123" });
    expect(valuesOf(company)).toEqual({ phone: "+14165550123", country: "Canada" });
  });

  it("never overwrites a country the record has", async () => {
    const outcome = await enrichOne(phoneNormalise, "contact", {
      phone: "+44 20 7946 0958",
      country: "Ireland",
    });
    expect(valuesOf(outcome)).toEqual({ phone: "+442079460958" });
  });

  it("marks a number no plan accepts as invalid, keeping it as written", async () => {
    const outcome = await enrichOne(phoneNormalise, "contact", { phone: "+44 1234 5", country: "GB" });
    expect(outcome).toMatchObject({
      status: "found",
      values: [{ field: "phone", value: "+44 1234 5", verification: "invalid" }],
    });
  });

  it.each([
    [{ phone: "(415) 555-2671" }],
    [{ phone: "n/a", country: "US" }],
    [{ phone: "" }],
    [{ phone: 4155552671 }],
  ])("finds nothing in %j", async (values) => {
    expect(await enrichOne(phoneNormalise, "contact", values)).toEqual({ status: "not_found" });
  });
});
