// Moved to @quarry/trpc/testing/test-users; this re-export goes once every test imports from there.
export { insertTestUser, type TestUser } from "@quarry/trpc/testing/test-users";
