import { describe, expect, it } from "vitest";
import { enrichOne, valuesOf } from "./enrich-one.testing.ts";
import { nameParts } from "./name-parts.ts";
import { nameFromEmail, splitFullName } from "./person-name.ts";

describe("splitFullName", () => {
  it.each([
    ["Ada Lovelace", "Ada", "Lovelace"],
    ["  ada   lovelace ", "Ada", "Lovelace"],
    ["ADA LOVELACE", "Ada", "Lovelace"],
    ["Lovelace, Ada", "Ada", "Lovelace"],
    ["Lovelace, Ada Augusta", "Ada", "Lovelace"],
    ["Dr. Ada King-Noel", "Ada", "King-Noel"],
    ["Mr John Ronald Reuel Tolkien", "John", "Tolkien"],
    ["Ludwig van Beethoven", "Ludwig", "van Beethoven"],
    ["Vincent van der Berg", "Vincent", "van der Berg"],
    ["VINCENT VAN DER BERG", "Vincent", "van der Berg"],
    ["Eddie Van Halen", "Eddie", "Van Halen"],
    ["Juan Carlos de la Fuente", "Juan", "de la Fuente"],
    ["Martin Luther King Jr.", "Martin", "King"],
    ["John Smith, PhD", "John", "Smith"],
    ["Jane Doe, MBA, PMP", "Jane", "Doe"],
    ['Robert "Bob" Smith', "Robert", "Smith"],
    ["Robert (Bob) Smith", "Robert", "Smith"],
    ["seán o'brien", "Seán", "O'Brien"],
    ["RONALD MCDONALD", "Ronald", "McDonald"],
    ["DeShawn Jackson", "DeShawn", "Jackson"],
    ["José Álvarez", "José", "Álvarez"],
    ["山田 太郎", "太郎", "山田"],
    ["Cher", "Cher", null],
  ])("%s → %s / %s", (raw, first, last) => {
    expect(splitFullName(raw)).toMatchObject({ first, last });
  });

  it.each([[""], ["   "], ["123 456"], ["王小明"]])("cannot split %j", (raw) => {
    expect(splitFullName(raw)).toBeNull();
  });
});

describe("nameFromEmail", () => {
  it.each([
    ["ada.lovelace@acme.com", { first: "Ada", last: "Lovelace" }],
    ["ada_lovelace85@gmail.com", { first: "Ada", last: "Lovelace" }],
    ["ada.lovelace+news@acme.com", { first: "Ada", last: "Lovelace" }],
    ["alovelace@acme.com", null],
    ["info.team@acme.com", null],
    ["a.lovelace@acme.com", null],
    ["ada.b.lovelace@acme.com", null],
  ])("%s → %j", (email, expected) => {
    expect(nameFromEmail(email)).toEqual(expected);
  });
});

describe("name-parts provider", () => {
  it("fills first and last name from the full name", async () => {
    const outcome = await enrichOne(nameParts, "contact", { full_name: "Lovelace, Ada" });
    expect(valuesOf(outcome)).toEqual({ first_name: "Ada", last_name: "Lovelace" });
  });

  it("fills only the missing part", async () => {
    const outcome = await enrichOne(nameParts, "contact", {
      full_name: "Ada Lovelace",
      first_name: "Augusta",
    });
    expect(valuesOf(outcome)).toEqual({ last_name: "Lovelace" });
  });

  it("joins first and last into the full name", async () => {
    const outcome = await enrichOne(nameParts, "contact", { first_name: " Ada ", last_name: "King-Noel" });
    expect(valuesOf(outcome)).toEqual({ full_name: "Ada King-Noel" });
  });

  it("guesses all three from a first.last address, with low confidence", async () => {
    const outcome = await enrichOne(nameParts, "contact", { email: "grace.hopper@navy.mil" });
    expect(valuesOf(outcome)).toEqual({
      first_name: "Grace",
      last_name: "Hopper",
      full_name: "Grace Hopper",
    });
    expect(outcome.status === "found" && outcome.values.every((v) => v.confidence <= 60)).toBe(true);
  });

  it("is surer of a plain split than of an interpreted one", async () => {
    const plain = await enrichOne(nameParts, "contact", { full_name: "Ada Lovelace" });
    const comma = await enrichOne(nameParts, "contact", { full_name: "Lovelace, Ada" });
    const confidence = (o: typeof plain) => (o.status === "found" ? o.values[0]?.confidence : undefined);
    expect(confidence(plain)).toBeGreaterThan(confidence(comma) ?? 100);
  });

  it.each([
    [{ first_name: "Ada", last_name: "Lovelace", full_name: "Ada Lovelace" }],
    [{ email: "sales@acme.com" }],
    [{ full_name: "12345" }],
  ])("finds nothing new in %j", async (values) => {
    expect(await enrichOne(nameParts, "contact", values)).toEqual({ status: "not_found" });
  });
});
