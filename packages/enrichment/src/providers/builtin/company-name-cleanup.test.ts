import { describe, expect, it } from "vitest";
import { cleanCompanyName, fixCompanyCase, stripLegalSuffix } from "./company-name.ts";
import { companyNameCleanup } from "./company-name-cleanup.ts";
import { enrichOne, valuesOf } from "./enrich-one.testing.ts";

describe("stripLegalSuffix", () => {
  it.each([
    ["Acme, Inc.", "Acme"],
    ["Acme Inc", "Acme"],
    ["Acme Incorporated", "Acme"],
    ["Globex LLC", "Globex"],
    ["Globex, L.L.C.", "Globex"],
    ["Initech Ltd.", "Initech"],
    ["Initech Limited", "Initech"],
    ["Canva Pty Ltd", "Canva"],
    ["Siemens AG", "Siemens"],
    ["Robert Bosch GmbH", "Robert Bosch"],
    ["Bosch GmbH & Co. KG", "Bosch"],
    ["Société Générale S.A.", "Société Générale"],
    ["Doctolib SAS", "Doctolib"],
    ["Booking.com B.V.", "Booking.com"],
    ["Unilever PLC", "Unilever"],
    ["Apple Computer Corp.", "Apple Computer"],
    ["Procter & Gamble Co.", "Procter & Gamble"],
    ["Goldman Sachs & Co. LLC", "Goldman Sachs"],
    ["Spotify AB", "Spotify"],
    ["Infosys Private Limited", "Infosys"],
    ["Acme Widgets UG (haftungsbeschränkt)", "Acme Widgets"],
    ["The Walt Disney Company", "The Walt Disney Company"],
    ["Johnson & Johnson", "Johnson & Johnson"],
    ["Costco", "Costco"],
    ["Limited", "Limited"],
    ["Inc.", "Inc."],
  ])("%s → %s", (raw, expected) => {
    expect(stripLegalSuffix(raw)).toBe(expected);
  });
});

describe("fixCompanyCase", () => {
  it.each([
    ["ACME WIDGETS", "Acme Widgets"],
    ["acme widgets", "Acme Widgets"],
    ["IBM", "IBM"],
    ["BANK OF AMERICA", "Bank of America"],
    ["THE HOME DEPOT", "The Home Depot"],
    ["HSBC HOLDINGS", "HSBC Holdings"],
    ["AT&T", "AT&T"],
    ["3M COMPANY", "3M Company"],
    ["COCA-COLA", "Coca-Cola"],
    ["MACY'S", "Macy's"],
    ["MCDONALD'S", "McDonald's"],
    ["SAP", "SAP"],
    ["RED BULL", "Red Bull"],
    ["eBay", "eBay"],
    ["McKinsey & Company", "McKinsey & Company"],
    ["iRobot", "iRobot"],
  ])("%s → %s", (raw, expected) => {
    expect(fixCompanyCase(raw)).toBe(expected);
  });
});

describe("cleanCompanyName", () => {
  it("strips and recases together, and says when it guessed capitals", () => {
    expect(cleanCompanyName("ACME CORP")).toEqual({ name: "Acme", recased: true });
    expect(cleanCompanyName("Deutsche Bank AG")).toEqual({ name: "Deutsche Bank", recased: false });
    expect(cleanCompanyName("INTERNATIONAL BUSINESS MACHINES CORPORATION")).toEqual({
      name: "International Business Machines",
      recased: true,
    });
  });

  it("returns null when the name is already clean", () => {
    expect(cleanCompanyName("Stripe")).toBeNull();
  });
});

describe("company-name-cleanup provider", () => {
  it("cleans a company's name", async () => {
    const outcome = await enrichOne(companyNameCleanup, "company", { name: "Stripe, Inc." });
    expect(outcome).toEqual({
      status: "found",
      values: [{ field: "name", value: "Stripe", confidence: 95 }],
    });
  });

  it("cleans a contact's company name, with less confidence when it changed capitals", async () => {
    const outcome = await enrichOne(companyNameCleanup, "contact", { company_name: "GLOBEX LLC" });
    expect(outcome).toEqual({
      status: "found",
      values: [{ field: "company_name", value: "Globex", confidence: 80 }],
    });
  });

  it.each([
    ["company", { name: "Stripe" }],
    ["company", { company_name: "Acme Inc" }],
    ["contact", { name: "Acme Inc" }],
    ["contact", { company_name: "  " }],
  ] as const)("finds nothing for a %s with %j", async (entity, values) => {
    expect(valuesOf(await enrichOne(companyNameCleanup, entity, values))).toBeNull();
  });
});
