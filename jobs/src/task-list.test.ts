import { describe, expect, it } from "vitest";
import { allTasks } from "./task-list.ts";

describe("task list", () => {
  it("names every task once, as <domain>/<verb-noun>", () => {
    const names = allTasks.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+\/[a-z]+(-[a-z]+)*$/);
  });

  it("includes the tasks the domains declare", () => {
    expect(allTasks.map((t) => t.name)).toContain("mail/deliver");
  });
});
