import { departmentLabels, seniorityLabels } from "@quarry/records/schemas/value-labels";
import { expect, it } from "vitest";
import { departments, seniorities } from "./title-taxonomy.ts";

it("every seniority and department the classifier writes has a label, and no label is for a value it never writes", () => {
  expect(Object.keys(seniorityLabels).sort()).toEqual([...seniorities].sort());
  expect(Object.keys(departmentLabels).sort()).toEqual([...departments].sort());
});
