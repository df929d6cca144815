import { apiKeyActor, systemActor, userActor } from "@quarry/core/service-context";
import { describe, expect, it } from "vitest";
import { activitySource } from "./activity-source.ts";

describe("activitySource", () => {
  it.each([
    ["a user in the app", userActor("u1"), "user"],
    ["an API key", apiKeyActor({ keyId: "k1", createdBy: "u1" }), "api"],
    ["a CLI-made API key", apiKeyActor({ keyId: "k1", createdBy: null }), "api"],
    ["enrichment", systemActor("enrichment"), "enrichment"],
    ["import", systemActor("import"), "import"],
    ["another system process", systemActor("cron"), "system"],
    ["a system process claiming to be a user", systemActor("user"), "system"],
  ])("%s shows as %s", (_name, actor, expected) => {
    expect(activitySource(actor)).toBe(expected);
  });
});
