import { manualClock } from "@quarry/core/clock";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createDb } from "@quarry/db/client";
import { afterAll, describe, expect, it } from "vitest";
import { taskCtx } from "./define-task.ts";

const db = createDb("postgres://nobody@127.0.0.1:1/unused");
afterAll(() => db.destroy());

describe("taskCtx", () => {
  it("acts as the named system process in the given workspace, on the task's connection and clock", () => {
    const clock = manualClock(new Date("2026-05-01T00:00:00Z"));
    const lines: string[] = [];
    const log = { info: (_: object, msg?: string) => lines.push(`info ${msg}`), error: () => {} };
    const ctx = taskCtx(
      { db, log, jobId: "1", attempts: 1, clock, outbound: testOutbound },
      "ws-1",
      "import",
    );
    expect(ctx).toMatchObject({ db, workspaceId: "ws-1", actor: { kind: "system", name: "import" } });
    expect(ctx.clock.now()).toEqual(new Date("2026-05-01T00:00:00Z"));
    ctx.log.warn({}, "slow");
    expect(lines).toEqual(["info slow"]);
  });
});
