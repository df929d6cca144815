import { expect, it } from "vitest";
import { contactsEntity } from "./contacts.ts";
import { buildFilter } from "./filter-draft.ts";
import type { RecordRow } from "./types.ts";
import { fieldValue, formatValue } from "./values.ts";

const row = (company: unknown): RecordRow => ({
  id: "c1",
  custom: { tier: "gold" },
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  deletedAt: null,
  email: "ada@acme.com",
  company,
});

it("reads a contact's linked company fields, empty without a company", () => {
  const linked = row({ id: "co1", name: "Acme", employee_count: 1200 });
  expect(fieldValue(linked, "company.name")).toBe("Acme");
  expect(formatValue(fieldValue(linked, "company.employee_count"), { type: "number" })).toBe("1,200");
  expect(fieldValue(row(null), "company.name")).toBeNull();
  expect(fieldValue(linked, "custom.tier")).toBe("gold");
  expect(fieldValue(linked, "email")).toBe("ada@acme.com");
});

it("offers the company's fields as read-only contact columns that filter with typed values", () => {
  const employees = contactsEntity.columns.find((c) => c.key === "company.employee_count");
  expect(employees).toMatchObject({ editable: false, sortable: true, type: "number" });
  const filter = buildFilter(
    "and",
    [{ id: 1, field: "company.employee_count", operator: "gt", value: "100", to: "" }],
    contactsEntity.columns,
  );
  expect(filter).toEqual({
    op: "and",
    conditions: [{ field: "company.employee_count", operator: "gt", value: 100 }],
  });
});

it("shows coded values by their label and other text as stored", () => {
  expect(formatValue("vp", { type: "text", key: "seniority" })).toBe("VP");
  expect(formatValue("human_resources", { type: "text", key: "department" })).toBe("Human resources");
  expect(formatValue("vp", { type: "text", key: "title" })).toBe("vp");
  expect(formatValue(1234, { type: "number", key: "employee_count" })).toBe("1,234");
});
