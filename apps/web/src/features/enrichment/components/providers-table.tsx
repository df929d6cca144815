import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../app/trpc.ts";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { TableScroll } from "../../../app/ui/table-scroll.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { type ProviderSummary, useProviders } from "../hooks/use-providers.ts";
import { fieldLabel, formatCredits, formatLatency, formatNumber, formatPercent } from "../lib/format.ts";
import { SandboxBadge } from "./sandbox-badge.tsx";

const kindLabel: Record<ProviderSummary["kind"], string> = {
  builtin: "Built-in",
  api: "API",
  sandbox: "Sandbox",
};

/** Every provider with its key, health and the last 30 days of use in this workspace. */
export function ProvidersTable() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const { query } = useProviders();
  const keys = useQuery(trpc.enrichment.providerKeys.list.queryOptions({ workspaceId: workspace.id }));
  if (query.isPending) return <Spinner label="Loading providers" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const keyOf = new Map((keys.data?.items ?? []).map((k) => [k.providerId, k]));
  return (
    <section className="card" aria-labelledby="providers-heading">
      <h2 id="providers-heading">Providers</h2>
      <p className="muted small">Hit rate, latency and credits cover the last 30 days in this workspace.</p>
      <TableScroll label="Providers">
        <table className="table compact providers-table">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Kind</th>
              <th scope="col">Fields</th>
              <th scope="col">Key</th>
              <th scope="col">Health</th>
              <th scope="col" className="num">
                Cost / value
              </th>
              <th scope="col" className="num">
                Lookups
              </th>
              <th scope="col" className="num">
                Hit rate
              </th>
              <th scope="col" className="num">
                Avg latency
              </th>
              <th scope="col" className="num">
                Credits spent
              </th>
            </tr>
          </thead>
          <tbody>
            {query.data.items.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.sandbox ? <SandboxBadge /> : p.name}
                  <span className="muted small block">
                    {p.id}
                    {p.vendor ? ` · ${keyOf.get(p.vendor)?.name ?? p.vendor} key` : null}
                  </span>
                </th>
                <td>{kindLabel[p.kind]}</td>
                <td className="fields-cell">{fieldsText(p)}</td>
                <td>
                  {p.keyStatus === "not_needed" ? (
                    <span className="muted">Not needed</span>
                  ) : p.keyStatus === "configured" ? (
                    <span className="badge status-success">
                      Key ••••{p.vendor ? (keyOf.get(p.vendor)?.last4 ?? "") : ""}
                    </span>
                  ) : (
                    <span className="badge status-danger">No key</span>
                  )}
                </td>
                <td>
                  {p.health.status === "ok" ? (
                    <span className="badge status-success">OK</span>
                  ) : (
                    <span className="badge status-danger" title={p.health.lastError ?? undefined}>
                      Degraded
                    </span>
                  )}
                  {p.health.status === "degraded" && p.health.lastError ? (
                    <span className="muted small block">{p.health.lastError}</span>
                  ) : null}
                </td>
                <td className="num">{p.costCredits === 0 ? "free" : formatCredits(p.costCredits)}</td>
                <td className="num">{formatNumber(p.stats.lookups)}</td>
                <td className="num">{formatPercent(p.stats.hitRate)}</td>
                <td className="num">{formatLatency(p.stats.avgLatencyMs)}</td>
                <td className="num">{formatCredits(p.stats.credits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function fieldsText(p: ProviderSummary): string {
  const parts: string[] = [];
  if (p.fields.contact.length)
    parts.push(`Contacts: ${p.fields.contact.map((f) => fieldLabel("contact", f)).join(", ")}`);
  if (p.fields.company.length)
    parts.push(`Companies: ${p.fields.company.map((f) => fieldLabel("company", f)).join(", ")}`);
  return parts.join(" · ");
}
