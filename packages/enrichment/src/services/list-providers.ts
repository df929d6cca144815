import type { ServiceCtx } from "@quarry/db/service-context";
import { keyVendorOf } from "../providers/api/api-key-vendors.ts";
import { providerStats } from "../queries/lookups.queries.ts";
import { listHealth } from "../queries/provider-health.queries.ts";
import type { ProviderSummary } from "../schemas/providers.ts";
import type { EnrichmentDeps } from "./deps.ts";

/**
 * Every provider with this workspace's view of it: the vendor whose key it uses and whether that
 * key is set (read only: listing never marks a key used), its health
 * (degraded while the circuit breaker holds it paused) and its last 30 days here — lookups,
 * hit rate, mean latency and credits charged.
 */
export async function listProviders(
  ctx: ServiceCtx,
  deps: EnrichmentDeps,
): Promise<{ items: ProviderSummary[] }> {
  const health = new Map((await listHealth(ctx.db, ctx.workspaceId)).map((h) => [h.provider, h]));
  const stats = new Map((await providerStats(ctx.db, ctx.workspaceId, 30)).map((s) => [s.provider, s]));
  const now = Date.now();
  const items: ProviderSummary[] = [];
  for (const p of deps.providers) {
    const h = health.get(p.id);
    const s = stats.get(p.id);
    const paused = h?.paused_until && h.paused_until.getTime() > now ? h.paused_until : null;
    const answered = s ? s.lookups - s.errors : 0;
    const keyStatus = !p.needsApiKey
      ? "not_needed"
      : (await deps.credentials(ctx.db, ctx.workspaceId, p).catch(() => null))
        ? "configured"
        : "missing";
    items.push({
      id: p.id,
      name: p.name,
      kind: p.kind,
      sandbox: p.kind === "sandbox",
      fields: { contact: [...p.fields.contact], company: [...p.fields.company] },
      costCredits: p.costCredits,
      rateLimit: p.rateLimit,
      needsApiKey: p.needsApiKey,
      vendor: keyVendorOf(p.id)?.id ?? null,
      keyStatus,
      health: {
        status: paused ? "degraded" : "ok",
        consecutiveFailures: h?.consecutive_failures ?? 0,
        pausedUntil: paused ? paused.toISOString() : null,
        lastError: h?.last_error ?? null,
      },
      stats: {
        lookups: s?.lookups ?? 0,
        found: s?.found ?? 0,
        errors: s?.errors ?? 0,
        hitRate: s && answered > 0 ? Math.round((s.found / answered) * 1000) / 1000 : null,
        avgLatencyMs: s ? s.avg_latency_ms : null,
        credits: s?.credits ?? 0,
      },
    });
  }
  return { items };
}
