import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { useTRPC } from "../../../app/trpc.ts";
import { ErrorState, Notice, Spinner } from "../../../app/ui/states.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import "../billing.css";
import { BillingSummary } from "../components/billing-summary.tsx";
import { PlanLimits } from "../components/plan-limits.tsx";
import { PlanPicker } from "../components/plan-picker.tsx";
import { isSubscribed } from "../lib/billing-format.ts";

export function BillingPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  const [params] = useSearchParams();
  const returned = params.get("checkout");
  const billing = useQuery(
    trpc.billing.get.queryOptions(
      { workspaceId: workspace.id },
      {
        // Back from a paid checkout: Stripe's webhooks update the plan a moment later.
        refetchInterval: (q) =>
          returned === "success" && !isSubscribed(q.state.data?.account ?? null) ? 1_000 : false,
      },
    ),
  );
  const subscribed = isSubscribed(billing.data?.account ?? null);
  useEffect(() => {
    if (returned === "success" && subscribed)
      void queryClient.invalidateQueries({ queryKey: trpc.credits.balance.get.queryKey() });
  }, [returned, subscribed, queryClient, trpc]);

  return (
    <main className="page narrow billing-page">
      <header className="page-header">
        <h1>Billing</h1>
        <p className="muted">Your plan sets the workspace's limits and the credits added each month.</p>
      </header>
      {!workspace.can("billing.read") ? (
        <Notice>Billing is not available to your role.</Notice>
      ) : billing.isPending ? (
        <Spinner label="Loading billing" />
      ) : billing.isError ? (
        <ErrorState error={billing.error} onRetry={() => void billing.refetch()} />
      ) : (
        <>
          {returned === "success" ? (
            <Notice>
              {subscribed
                ? `Thank you: the workspace is on the ${billing.data.plan.name} plan.`
                : "Payment received. Waiting for Stripe to confirm your subscription…"}
            </Notice>
          ) : returned === "canceled" ? (
            <Notice>Checkout was canceled: nothing was charged.</Notice>
          ) : null}
          {!billing.data.configured ? (
            <Notice>Billing is not configured on this Quarry install: plans cannot be bought here.</Notice>
          ) : null}
          {billing.data.account ? (
            <>
              <BillingSummary billing={billing.data} account={billing.data.account} />
              <PlanPicker
                plans={billing.data.plans}
                currentPlanId={subscribed ? billing.data.plan.id : ""}
                canBuy={billing.data.configured && !subscribed}
                note={subscribed ? "To change plans, use Manage card and invoices." : undefined}
              />
            </>
          ) : (
            <section className="card billing-summary" aria-label="Current plan">
              <h2>{billing.data.plan.name} plan</h2>
              <PlanLimits limits={billing.data.plan.limits} />
              <p className="muted small">Owners and billing admins manage the plan.</p>
            </section>
          )}
        </>
      )}
    </main>
  );
}
