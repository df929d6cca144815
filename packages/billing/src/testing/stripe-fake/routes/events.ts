/** Events (list with type / types[] / created filters, retrieve) and Test Clocks (create, retrieve, advance, delete). */
import { invalidRequest } from "../errors.ts";
import type { StripeEvent } from "../events.ts";
import { int, str, strings } from "../form.ts";
import { arg, type Route, route } from "../router.ts";
import { createdFilter, paginate } from "../store.ts";
import { advanceClock, advanceLimit } from "../test-clock-engine.ts";
import type { TestClock } from "../types.ts";

export const eventRoutes: Route[] = [
  route("GET", "/v1/events", (req) => {
    const type = str(req.params, "type");
    const types = strings(req.params, "types");
    const matchesType = (t: string) =>
      (!type || (type.endsWith(".*") ? t.startsWith(type.slice(0, -1)) : t === type)) &&
      (types.length === 0 || types.includes(t));
    const items = req.fx.store
      .all<StripeEvent>("event")
      .filter((e) => matchesType(e.type))
      .filter(createdFilter(req.params));
    return paginate(items, req.params, "/v1/events");
  }),
  route("GET", "/v1/events/:id", (req) => req.fx.store.get<StripeEvent>(arg(req), "event")),
  route("POST", "/v1/test_helpers/test_clocks", (req) => {
    const frozen = int(req.params, "frozen_time");
    if (frozen === undefined)
      throw invalidRequest("Missing required param: frozen_time.", "frozen_time", "parameter_missing");
    const clock = req.fx.store.put<TestClock>({
      id: req.fx.store.newId("clock"),
      object: "test_helpers.test_clock",
      created: req.fx.store.now(),
      deletes_after: req.fx.store.now() + 30 * 86_400,
      frozen_time: frozen,
      livemode: false,
      name: str(req.params, "name") ?? null,
      status: "ready",
      status_details: {},
    });
    req.fx.bus.emit("test_helpers.test_clock.created", clock);
    return clock;
  }),
  route("GET", "/v1/test_helpers/test_clocks", (req) =>
    paginate(
      req.fx.store.all<TestClock>("test_helpers.test_clock"),
      req.params,
      "/v1/test_helpers/test_clocks",
    ),
  ),
  route("GET", "/v1/test_helpers/test_clocks/:id", (req) =>
    req.fx.store.get<TestClock>(arg(req), "test_helpers.test_clock"),
  ),
  route("DELETE", "/v1/test_helpers/test_clocks/:id", (req) => {
    const clock = req.fx.store.get<TestClock>(arg(req), "test_helpers.test_clock");
    clock.deleted = true;
    req.fx.bus.emit("test_helpers.test_clock.deleted", clock);
    return { id: clock.id, object: clock.object, deleted: true };
  }),
  route("POST", "/v1/test_helpers/test_clocks/:id/advance", (req) => {
    const clock = req.fx.store.get<TestClock>(arg(req), "test_helpers.test_clock");
    const target = int(req.params, "frozen_time");
    if (target === undefined)
      throw invalidRequest("Missing required param: frozen_time.", "frozen_time", "parameter_missing");
    if (target < clock.frozen_time) {
      throw invalidRequest("The test clock's frozen_time can only be advanced forward.", "frozen_time");
    }
    if (target > advanceLimit(req.fx, clock)) {
      throw invalidRequest(
        "Cannot advance the test clock by more than two intervals of the shortest subscription interval on it.",
        "frozen_time",
      );
    }
    const request = req.fx.store.request;
    req.fx.store.request = { id: null, idempotency_key: null };
    advanceClock(req.fx, clock, target);
    req.fx.store.request = request;
    return { ...clock, status: "advancing" };
  }),
];
