import { describe, expect, it } from "vitest";
import { draftsOf } from "../hooks/use-list-url-state.ts";
import { buildFilter, operatorsFor } from "./filter-draft.ts";
import type { ColumnDef } from "./types.ts";

const title: ColumnDef = {
  key: "title",
  label: "Title",
  type: "text",
  width: 100,
  editable: true,
  sortable: true,
};
const employees: ColumnDef = { ...title, key: "employee_count", label: "Employees", type: "number" };

describe("operatorsFor", () => {
  it("offers no ordering on text, and ordering on numbers and dates", () => {
    expect(operatorsFor(title)).not.toContain("gt");
    expect(operatorsFor(title)).toContain("contains");
    expect(operatorsFor(employees)).toEqual(expect.arrayContaining(["gt", "between"]));
    expect(operatorsFor({ type: "date" })).toContain("lte");
    expect(operatorsFor({ type: "boolean" })).toEqual(["equals", "not_equals", "is_empty", "is_not_empty"]);
  });
});

describe("a filter through the URL", () => {
  it("comes back as the same dialog rows it was built from", () => {
    const filter = buildFilter(
      "or",
      [
        { id: 1, field: "title", operator: "in", value: "CTO, CEO", to: "" },
        { id: 2, field: "employee_count", operator: "between", value: "10", to: "50" },
        { id: 3, field: "title", operator: "is_empty", value: "", to: "" },
      ],
      [title, employees],
    );
    const rows = draftsOf(filter).map(({ id: _id, ...row }) => row);
    expect(rows).toEqual([
      { field: "title", operator: "in", value: "CTO, CEO", to: "" },
      { field: "employee_count", operator: "between", value: "10", to: "50" },
      { field: "title", operator: "is_empty", value: "", to: "" },
    ]);
    expect(buildFilter("or", draftsOf(filter), [title, employees])).toEqual(filter);
  });
});
