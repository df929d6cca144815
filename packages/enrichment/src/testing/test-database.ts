import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll } from "vitest";

/**
 * The test file's own database: created before its tests, dropped after them. Call it once at the
 * top of the file; read `db` and `url` inside tests.
 */
export function useTestDatabase(): Pick<TestDatabase, "db" | "url"> {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());
  const made = (): TestDatabase => {
    if (!t) throw new Error("The test database is made in beforeAll: use it inside a test");
    return t;
  };
  return {
    get db() {
      return made().db;
    },
    get url() {
      return made().url;
    },
  };
}
