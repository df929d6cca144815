import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { SelectField } from "../../../app/ui/select-field.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { formatCredits } from "../../enrichment/lib/format.ts";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";

/**
 * An admin grant (adds credits) or adjustment (either sign). One idempotency key per attempt,
 * kept until it succeeds, so a double submit or a retry after a network error adds credits once.
 */
export function GrantCreditsForm() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<"grant" | "adjustment">("grant");
  const [amount, setAmount] = useState("");
  const [memo, setMemo] = useState("");
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [localError, setLocalError] = useState<string | null>(null);
  const grant = useMutation(
    trpc.credits.grant.mutationOptions({
      onSuccess: async () => {
        setAmount("");
        setMemo("");
        setAttempt(crypto.randomUUID());
        await queryClient.invalidateQueries({ queryKey: trpc.credits.pathKey() });
      },
    }),
  );
  const errors = formErrors(grant.error, ["amount", "memo", "kind"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(amount.replaceAll(",", "").trim());
    if (amount.trim() === "" || !Number.isInteger(n)) {
      setLocalError("must be a whole number of credits");
      return;
    }
    setLocalError(null);
    grant.mutate({ workspaceId: workspace.id, amount: n, kind, memo, idempotencyKey: attempt });
  }

  return (
    <section className="card stack" aria-labelledby="grant-heading">
      <div>
        <h2 id="grant-heading">Add credits (admin grant or adjustment)</h2>
        <p className="muted small">
          For admins topping up or correcting the balance by hand; it shows in the ledger with your note.
          Purchases come from billing.
        </p>
      </div>
      <form className="inline-form" noValidate onSubmit={submit}>
        <SelectField
          label="Type"
          value={kind}
          onChange={(e) => setKind(e.target.value === "adjustment" ? "adjustment" : "grant")}
          options={[
            { value: "grant", label: "Grant (adds credits)" },
            { value: "adjustment", label: "Adjustment (+ or −)" },
          ]}
          error={errors.fields.kind}
        />
        <TextField
          label="Credits"
          inputMode="numeric"
          value={amount}
          placeholder={kind === "grant" ? "1000" : "-50"}
          onChange={(e) => setAmount(e.target.value)}
          error={localError ?? errors.fields.amount}
        />
        <TextField
          label="Note"
          className="grow"
          value={memo}
          placeholder="Why (shows in the ledger)"
          onChange={(e) => setMemo(e.target.value)}
          error={errors.fields.memo}
        />
        <button type="submit" className="button primary" disabled={grant.isPending}>
          {grant.isPending ? "Adding…" : kind === "grant" ? "Add credits" : "Adjust"}
        </button>
      </form>
      <FormAlert message={errors.general} />
      <div role="status" className="status-line">
        {grant.isSuccess
          ? `Done: ${formatCredits(grant.data.amount)} ${grant.data.amount >= 0 ? "added" : "removed"}.`
          : null}
      </div>
    </section>
  );
}
