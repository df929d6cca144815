import { describe, expect, it } from "vitest";
import { z } from "zod";
import { restShape, snakeCase } from "./snake-case.ts";

describe("REST snake_case", () => {
  it.each([
    ["nextCursor", "next_cursor"],
    ["deletedAt", "deleted_at"],
    ["first_name", "first_name"],
    ["id", "id"],
  ])("%s → %s", (from, to) => {
    expect(snakeCase(from)).toBe(to);
  });

  const schema = z.object({
    items: z.array(
      z.object({
        deletedAt: z.string().nullable(),
        custom: z.record(z.string(), z.unknown()),
        sources: z.record(z.string(), z.object({ fetchedAt: z.string() })),
      }),
    ),
    nextCursor: z.string().nullable(),
    credits: z.object({ spent: z.number(), held: z.number() }).nullable(),
  });
  const shape = restShape("Page", schema);

  it("renames every object key at every depth, and keeps the keys of records (the user's data)", () => {
    const value = {
      items: [
        {
          deletedAt: null,
          custom: { myTier: "gold" },
          sources: { companyDomain: { fetchedAt: "2026-01-01" } },
        },
      ],
      nextCursor: "c1",
      credits: { spent: 3, held: 1 },
    };
    expect(shape.from(value)).toEqual({
      items: [
        {
          deleted_at: null,
          custom: { myTier: "gold" },
          sources: { companyDomain: { fetched_at: "2026-01-01" } },
        },
      ],
      next_cursor: "c1",
      credits: { spent: 3, held: 1 },
    });
  });

  it("documents what it answers: the converted value parses with the snake_case schema, the camelCase one does not", () => {
    const value = { items: [], nextCursor: null, credits: null };
    expect(shape.schema.safeParse(shape.from(value)).success).toBe(true);
    expect(shape.schema.safeParse(value).success).toBe(false);
  });
});
