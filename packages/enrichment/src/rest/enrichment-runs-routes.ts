import { createRunInput, type Run, runSchema } from "@quarry/enrichment/schemas/runs";
import { createRun } from "@quarry/enrichment/services/create-run";
import { appDeps } from "@quarry/enrichment/services/default-deps";
import type { EnrichmentCtx } from "@quarry/enrichment/services/deps";
import { getRun } from "@quarry/enrichment/services/get-run";
import { z } from "zod";
import { type ApiCall, defineRoute } from "./api-route.ts";
import { idParams } from "./record-routes.ts";

/**
 * A run as the app shows it: its cost is `credits` (spent and held). `creditsSpent`, the one
 * number v1 answered first, stays for existing clients as the same value as `credits.spent`.
 */
export const apiRunSchema = runSchema.extend({
  credits: runSchema.shape.credits.meta({
    description:
      "`spent`: credits charged so far (captures less refunds). `held`: credits set aside for lookups in flight, " +
      "captured or released as they finish; what is left is released when the run ends.",
  }),
  creditsSpent: z.number().int().meta({
    description: "Deprecated: the same as `credits.spent`, kept for existing clients.",
    deprecated: true,
  }),
});

function withCost(run: Run): z.output<typeof apiRunSchema> {
  return { ...run, creditsSpent: run.credits.spent };
}

/** Runs started through the API are the key creator's. */
function apiEnrichmentContext(call: ApiCall<unknown, unknown, unknown>): EnrichmentCtx {
  return {
    db: call.db,
    workspaceId: call.key.workspaceId,
    actor: call.key.createdBy ? { id: call.key.createdBy } : null,
    log: call.log,
  };
}

const run = { name: "EnrichmentRun", schema: apiRunSchema };

/** /api/v1/enrichment/runs: start a run and follow its status and cost, over the enrichment services. */
export const enrichmentRunRoutes = [
  defineRoute({
    method: "POST",
    url: "/enrichment/runs",
    operationId: "createEnrichmentRun",
    tag: "Enrichment",
    summary: "Start an enrichment run",
    description:
      "Enriches `fields` of the selected records (`{ id }`, `{ ids }` or `{ filter?, search? }`) through each field's waterfall. " +
      "Fields that already hold a value are skipped unless `overwrite`. The run works in the background: poll GET /enrichment/runs/{id}.",
    body: { name: "EnrichmentRunInput", schema: createRunInput },
    example: {
      entity: "contact",
      selection: { ids: ["00000000-0000-4000-8000-000000000000"] },
      fields: ["company_domain"],
    },
    responses: [
      { status: 201, description: "Started (status `queued`), with its cost estimate", schema: run },
    ],
    errors: [400, 403, 409],
    handler: async (call) => ({
      status: 201,
      body: withCost(await createRun(apiEnrichmentContext(call), appDeps(), call.body)),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/enrichment/runs/:id",
    operationId: "getEnrichmentRun",
    tag: "Enrichment",
    summary: "Get a run's status and cost",
    description:
      "Progress per status, field and provider, why items were skipped, the estimate, and the credits spent and still held (`credits`).",
    params: idParams,
    responses: [{ status: 200, description: "The run", schema: run }],
    errors: [400, 404],
    handler: async (call) => ({
      status: 200,
      body: withCost(await getRun(apiEnrichmentContext(call), call.params.id)),
    }),
  }),
];
