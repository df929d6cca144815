import { manualClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createDb } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { afterAll, describe, expect, it } from "vitest";
import { defineRoute } from "./define-route.ts";

const db = createDb("postgres://nobody@127.0.0.1:1/unused");
afterAll(() => db.destroy());

describe("a REST route's service context", () => {
  it.each([
    ["a member's key", "8c7b6a5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d"],
    ["a CLI-made key", null],
  ])(
    "is built from %s: its workspace, the key as actor (attributed to its creator)",
    async (_name, createdBy) => {
      let seen: ServiceCtx | undefined;
      const route = defineRoute({
        method: "GET",
        url: "/probe",
        action: "records.read",
        operationId: "probe",
        tag: "Test",
        summary: "probe",
        responses: [],
        errors: [],
        async handler(call) {
          seen = call.svc;
          return { status: 200, body: null };
        },
      });
      const clock = manualClock();
      const key = { workspaceId: "ws-1", keyId: "key-1", scope: "read" as const, createdBy };
      await route.handle({
        params: {},
        query: {},
        body: undefined,
        key,
        db,
        clock,
        log: silentLogger,
        outbound: testOutbound,
      });
      expect(seen).toMatchObject({
        db,
        workspaceId: "ws-1",
        actor: { kind: "api_key", id: "key-1", createdBy },
        clock,
      });
    },
  );
});
