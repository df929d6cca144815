import type { WorkspaceAction } from "@quarry/workspaces/permissions";

/**
 * Every public REST route (METHOD + path under /api/v1) and what it should declare: the action
 * of the one permission matrix an API key's scope must allow, and whether it honours an
 * Idempotency-Key (every creating POST does). Written out by hand: a route that declares
 * something else, or a route missing here, fails rest-routes.test.ts.
 */
export const expectedRestActions: Record<string, { action: WorkspaceAction; idempotent: boolean }> = {
  "GET /contacts": { action: "records.read", idempotent: false },
  "GET /contacts/:id": { action: "records.read", idempotent: false },
  "POST /contacts": { action: "records.write", idempotent: true },
  "PUT /contacts": { action: "records.write", idempotent: false },
  "PATCH /contacts/:id": { action: "records.write", idempotent: false },
  "GET /companies": { action: "records.read", idempotent: false },
  "GET /companies/:id": { action: "records.read", idempotent: false },
  "POST /companies": { action: "records.write", idempotent: true },
  "PUT /companies": { action: "records.write", idempotent: false },
  "PATCH /companies/:id": { action: "records.write", idempotent: false },
  "POST /enrichment/runs": { action: "enrichment.run", idempotent: true },
  "GET /enrichment/runs/:id": { action: "enrichment.read", idempotent: false },
};
