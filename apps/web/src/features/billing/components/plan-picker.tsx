import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { formatNumber } from "../../../app/lib/format.ts";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { Dialog } from "../../../app/ui/dialog.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { formatMonthlyPrice, type PlanOffer } from "../lib/billing-format.ts";
import { PlanLimits } from "./plan-limits.tsx";

interface PlanPickerProps {
  plans: PlanOffer[];
  currentPlanId: string;
  /** False: plans are listed read-only (billing not configured, or already subscribed). */
  canBuy: boolean;
  note?: string;
}

/** The plans side by side; choosing a paid one asks first, then leaves for Stripe Checkout. */
export function PlanPicker({ plans, currentPlanId, canBuy, note }: PlanPickerProps) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const [chosen, setChosen] = useState<PlanOffer | null>(null);
  const checkout = useMutation(
    trpc.billing.checkout.create.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
    }),
  );
  return (
    <section className="plan-picker" aria-labelledby="plans-heading">
      <h2 id="plans-heading">Plans</h2>
      {note ? <p className="muted">{note}</p> : null}
      <ul className="plan-cards">
        {plans.map((plan) => (
          <li key={plan.id} className="card plan-card">
            <h3>{plan.name}</h3>
            <p className="plan-price">{formatMonthlyPrice(plan.monthlyPriceCents)}</p>
            <p className="muted small">{formatNumber(plan.monthlyCredits)} credits a month</p>
            <PlanLimits limits={plan.limits} />
            {plan.id === currentPlanId ? (
              <p className="plan-current">Current plan</p>
            ) : canBuy && plan.monthlyPriceCents > 0 ? (
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  checkout.reset();
                  setChosen(plan);
                }}
              >
                Choose {plan.name}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <Dialog
        open={chosen !== null}
        onClose={() => setChosen(null)}
        title={`Subscribe to ${chosen?.name ?? ""}`}
      >
        <div className="dialog-body stack">
          <p>
            You will leave Quarry for Stripe's secure checkout page to pay{" "}
            {formatMonthlyPrice(chosen?.monthlyPriceCents ?? 0)} for the {chosen?.name} plan. You come back
            here when it is done.
          </p>
          {checkout.error ? (
            <p role="alert" className="form-alert">
              {messageOf(checkout.error)}
            </p>
          ) : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setChosen(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={checkout.isPending || checkout.isSuccess}
            onClick={() => {
              if (chosen && chosen.id !== "free")
                checkout.mutate({ workspaceId: workspace.id, plan: chosen.id });
            }}
          >
            {checkout.isPending || checkout.isSuccess ? "Opening checkout…" : "Continue to checkout"}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
