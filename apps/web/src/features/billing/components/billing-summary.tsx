import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { formatDate } from "../../../app/lib/format.ts";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { formatCredits } from "../../enrichment/lib/format.ts";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { type Billing, type BillingAccount, statusLabel } from "../lib/billing-format.ts";

/** What owners and billing admins see: plan, status, trial, renewal, balance, and the portal. */
export function BillingSummary({ billing, account }: { billing: Billing; account: BillingAccount }) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const balance = useQuery(
    trpc.credits.balance.get.queryOptions({ workspaceId: workspace.id }, { staleTime: 0 }),
  );
  const portal = useMutation(
    trpc.billing.portal.create.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  return (
    <section className="card billing-summary" aria-label="Current plan">
      <dl className="billing-facts">
        <div>
          <dt>Plan</dt>
          <dd>{billing.plan.name}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{statusLabel(account.status)}</dd>
        </div>
        {account.trialDaysLeft !== null ? (
          <div>
            <dt>Trial days left</dt>
            <dd>{account.trialDaysLeft}</dd>
          </div>
        ) : null}
        {account.renewsAt ? (
          <div>
            <dt>{account.cancelAtPeriodEnd ? "Ends on" : "Renews on"}</dt>
            <dd>{formatDate(account.renewsAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Credits balance</dt>
          <dd>{balance.data ? formatCredits(balance.data.available) : "…"}</dd>
        </div>
      </dl>
      {billing.configured && account.hasPaymentAccount ? (
        <button
          type="button"
          className="button"
          disabled={portal.isPending || portal.isSuccess}
          onClick={() => portal.mutate({ workspaceId: workspace.id })}
        >
          {portal.isPending || portal.isSuccess ? "Opening…" : "Manage card and invoices"}
        </button>
      ) : null}
    </section>
  );
}
