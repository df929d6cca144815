import { TRPCClientError } from "@trpc/client";
import { expect, it } from "vitest";
import { formErrors } from "./trpc-error.ts";

function refused(fieldErrors: Record<string, string>) {
  return new TRPCClientError("refused", {
    result: {
      error: {
        message: "refused",
        code: -32600,
        data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors },
      },
    },
  } as never);
}

it("puts the form's own label in the server's sentence", () => {
  const error = refused({
    "data.employee_count": "Employee count must be at most 10000000",
    "data.custom.score": "Score must be a number",
  });
  expect(
    formErrors(error, ["employee_count", "custom.score"], {
      employee_count: "Employees",
      "custom.score": "Lead score",
    }).fields,
  ).toEqual({
    employee_count: "Employees must be at most 10000000",
    "custom.score": "Lead score must be a number",
  });
  expect(formErrors(error, ["employee_count", "custom.score"]).fields.employee_count).toBe(
    "Employee count must be at most 10000000",
  );
});
