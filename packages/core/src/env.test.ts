import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";

describe("QUARRY_ALLOW_PRIVATE_NETWORKS", () => {
  it.each([
    [{}, false],
    [{ NODE_ENV: "development" }, false],
    [{ NODE_ENV: "test" }, false],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", QUARRY_ALLOW_PRIVATE_NETWORKS: "true" }, true],
    [{ NODE_ENV: "production", QUARRY_ALLOW_PRIVATE_NETWORKS: "1" }, true],
    [{ NODE_ENV: "development", QUARRY_ALLOW_PRIVATE_NETWORKS: "yes" }, true],
    [{ NODE_ENV: "development", QUARRY_ALLOW_PRIVATE_NETWORKS: "false" }, false],
    [{ NODE_ENV: "test", QUARRY_ALLOW_PRIVATE_NETWORKS: "0" }, false],
  ])("%o → %s", (source, allowed) => {
    expect(parseEnv(source).QUARRY_ALLOW_PRIVATE_NETWORKS).toBe(allowed);
  });

  it("names the variable when the value is not a boolean", () => {
    expect(() => parseEnv({ QUARRY_ALLOW_PRIVATE_NETWORKS: "sometimes" })).toThrow(
      /QUARRY_ALLOW_PRIVATE_NETWORKS/,
    );
  });

  it("refuses the old ENRICHMENT_ALLOW_PRIVATE_NETWORKS, naming the new one", () => {
    expect(() => parseEnv({ ENRICHMENT_ALLOW_PRIVATE_NETWORKS: "true" })).toThrow(
      /ENRICHMENT_ALLOW_PRIVATE_NETWORKS: renamed: set QUARRY_ALLOW_PRIVATE_NETWORKS instead/,
    );
  });
});
