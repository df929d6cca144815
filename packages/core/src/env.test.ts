import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";

describe("ENRICHMENT_ALLOW_PRIVATE_NETWORKS", () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "test" }, true],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", ENRICHMENT_ALLOW_PRIVATE_NETWORKS: "true" }, true],
    [{ NODE_ENV: "production", ENRICHMENT_ALLOW_PRIVATE_NETWORKS: "1" }, true],
    [{ NODE_ENV: "development", ENRICHMENT_ALLOW_PRIVATE_NETWORKS: "false" }, false],
    [{ NODE_ENV: "test", ENRICHMENT_ALLOW_PRIVATE_NETWORKS: "0" }, false],
  ])("%o → %s", (source, allowed) => {
    expect(parseEnv(source).ENRICHMENT_ALLOW_PRIVATE_NETWORKS).toBe(allowed);
  });

  it("names the variable when the value is not a boolean", () => {
    expect(() => parseEnv({ ENRICHMENT_ALLOW_PRIVATE_NETWORKS: "sometimes" })).toThrow(
      /ENRICHMENT_ALLOW_PRIVATE_NETWORKS/,
    );
  });
});
