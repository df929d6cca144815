import { describe, expect, it } from "vitest";
import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "../schemas.ts";
import { fieldSentences, labelForPath } from "./messages.ts";

function sentences(schema: z.ZodType, input: unknown, labels?: Record<string, string>) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return fieldSentences(result.error, labels);
}

const form = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  website: z.url(),
  seniority: z.enum(["vp", "director"]),
  tags: z.array(z.string()).max(2),
  count: z.number().int().max(10),
});
const valid = {
  name: "Ada",
  email: "ada@example.com",
  password: "correct horse battery",
  website: "https://example.com",
  seniority: "vp",
  tags: [],
  count: 1,
};

describe("validation sentences name the field", () => {
  it.each([
    ["required (missing)", { name: undefined }, "name", "Name is required"],
    ["required (blank)", { name: "   " }, "name", "Name is required"],
    ["too long", { name: "x".repeat(201) }, "name", "Name must be at most 200 characters"],
    ["too short", { password: "short" }, "password", "Password must be at least 10 characters"],
    ["invalid email", { email: "not-an-email" }, "email", "Email must be a valid email address"],
    ["invalid URL", { website: "not a url" }, "website", "Website must be a valid URL (https://…)"],
    ["enum", { seniority: "boss" }, "seniority", "Seniority must be one of 'vp' or 'director'"],
    ["too many items", { tags: ["a", "b", "c"] }, "tags", "Tags must be at most 2 items"],
    ["number too big", { count: 11 }, "count", "Count must be at most 10"],
    ["wrong type", { count: "eleven" }, "count", "Count must be a number"],
  ])("%s", (_case, change, field, sentence) => {
    expect(sentences(form, { ...valid, ...change })[field]).toBe(sentence);
  });

  it("never passes the validator's own text through", () => {
    const all = sentences(form, { name: "x".repeat(500), website: 3, seniority: 1, count: 1e9 });
    for (const message of Object.values(all)) {
      expect(message).not.toMatch(/Too big|Too small|Invalid input|expected/);
    }
  });

  it("uses a label the caller gives, and nested keys name the last field", () => {
    const nested = z.object({ data: z.object({ jobTitle: z.string().max(3) }) });
    expect(sentences(nested, { data: { jobTitle: "Engineer" } })).toEqual({
      "data.jobTitle": "Job title must be at most 3 characters",
    });
    expect(sentences(nested, { data: { jobTitle: "Engineer" } }, { jobTitle: "Role" })["data.jobTitle"]).toBe(
      "Role must be at most 3 characters",
    );
  });

  it("keeps a refinement's own sentence", () => {
    const schema = z.object({ password: z.string().refine(() => false, "Choose a less common password.") });
    expect(sentences(schema, { password: "x" }).password).toBe("Choose a less common password.");
  });

  it("spells known acronyms in labels", () => {
    expect(labelForPath(["apiKey"])).toBe("API key");
    expect(labelForPath(["linkedin_url"])).toBe("LinkedIn URL");
    expect(labelForPath(["data", 0, "company_id"])).toBe("Company ID");
  });
});
