import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../app/trpc.ts";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { formatCredits } from "../../enrichment/lib/format.ts";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";

export function BalanceCards() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const balance = useQuery(
    trpc.credits.balance.get.queryOptions({ workspaceId: workspace.id }, { staleTime: 0 }),
  );
  if (balance.isPending) return <Spinner label="Loading balance" />;
  if (balance.isError) return <ErrorState error={balance.error} onRetry={() => void balance.refetch()} />;
  const { available, held, spent } = balance.data;
  return (
    <section className="balance-cards" aria-label="Balance">
      <div className="card balance-card">
        <h2>Available</h2>
        <p className="balance-value">{formatCredits(available)}</p>
        <p className="muted small">What new enrichment can spend.</p>
      </div>
      <div className="card balance-card">
        <h2>Held</h2>
        <p className="balance-value">{formatCredits(held)}</p>
        <p className="muted small">Set aside by running enrichment; unused holds come back.</p>
      </div>
      <div className="card balance-card">
        <h2>Spent</h2>
        <p className="balance-value">{formatCredits(spent)}</p>
        <p className="muted small">Charged for values found and used.</p>
      </div>
    </section>
  );
}
