import { expect, it } from "vitest";
import { formatValue } from "./values.ts";

it("shows coded values by their label and other text as stored", () => {
  expect(formatValue("vp", { type: "text", key: "seniority" })).toBe("VP");
  expect(formatValue("human_resources", { type: "text", key: "department" })).toBe("Human resources");
  expect(formatValue("vp", { type: "text", key: "title" })).toBe("vp");
  expect(formatValue(1234, { type: "number", key: "employee_count" })).toBe("1,234");
});
