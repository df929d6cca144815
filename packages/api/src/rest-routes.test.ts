import { describe, expect, it } from "vitest";
import { restRoutes } from "./rest-routes.ts";
import { expectedRestActions } from "./testing/expected-rest-actions.ts";

const served = restRoutes.map((r) => ({
  route: `${r.method} ${r.url}`,
  declared: { action: r.action, idempotent: r.idempotent ?? false },
}));

describe("REST route → action table", () => {
  it.each(served)("$route declares the action and idempotency of the table", ({ route, declared }) => {
    expect(declared).toEqual(expectedRestActions[route]);
  });

  it("lists every served route once, and serves every route it lists", () => {
    const routes = served.map((s) => s.route);
    expect(new Set(routes).size).toBe(routes.length);
    expect(routes.sort()).toEqual(Object.keys(expectedRestActions).sort());
  });
});
