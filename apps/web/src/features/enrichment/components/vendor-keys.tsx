import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formatDateTime, formatRelative } from "../../../app/lib/format.ts";
import { formErrors, messageOf } from "../../../app/lib/trpc-error.ts";
import { type RouterOutputs, useTRPC } from "../../../app/trpc.ts";
import { ConfirmDialog } from "../../../app/ui/confirm-dialog.tsx";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";

type VendorKey = RouterOutputs["enrichment"]["providerKeys"]["list"]["items"][number];

const statusText: Record<NonNullable<VendorKey["status"]>, string> = {
  untested: "Not tested yet",
  valid: "Valid",
  invalid: "Invalid",
  quota_exceeded: "Quota used up",
  unreachable: "Unreachable",
};

/** One card per vendor (Hunter, Apollo, PDL): connect, test and remove the workspace's key. */
export function VendorKeys() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const keys = useQuery(trpc.enrichment.providerKeys.list.queryOptions({ workspaceId: workspace.id }));
  if (keys.isPending) return <Spinner label="Loading keys" />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  return (
    <section className="card stack" aria-labelledby="keys-heading">
      <div>
        <h2 id="keys-heading">API keys for vendors</h2>
        <p className="muted small">
          One key per vendor serves all of its providers. Keys are stored encrypted and never shown again;
          only their last 4 characters are.
        </p>
      </div>
      <div className="vendor-grid">
        {keys.data.items.map((key) => (
          <VendorKeyCard key={key.providerId} vendor={key} />
        ))}
      </div>
    </section>
  );
}

function VendorKeyCard({ vendor }: { vendor: VendorKey }) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [apiKey, setApiKey] = useState("");
  const [baseUrl, setBaseUrl] = useState(vendor.baseUrl ?? "");
  const [removing, setRemoving] = useState(false);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.enrichment.providerKeys.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.enrichment.providers.pathKey() });
    // Which fields can be filled depends on the keys stored.
    await queryClient.invalidateQueries({ queryKey: trpc.enrichment.settings.pathKey() });
  };
  const save = useMutation(
    trpc.enrichment.providerKeys.set.mutationOptions({
      onSuccess: async () => {
        toast.success(`${vendor.name} key connected.`);
        setApiKey("");
        test.reset();
        await refresh();
      },
    }),
  );
  const test = useMutation(trpc.enrichment.providerKeys.test.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.enrichment.providerKeys.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`${vendor.name} key removed.`);
        setRemoving(false);
        test.reset();
        await refresh();
      },
    }),
  );
  const errors = formErrors(save.error, ["apiKey", "baseUrl"]);
  const id = { workspaceId: workspace.id, providerId: vendor.providerId };

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ ...id, apiKey, baseUrl: baseUrl.trim() === "" ? null : baseUrl.trim() });
  }

  return (
    <article className="vendor-card stack" aria-labelledby={`vendor-${vendor.providerId}`}>
      <header className="card-header">
        <h3 id={`vendor-${vendor.providerId}`}>{vendor.name}</h3>
        {vendor.configured ? (
          <span
            className={`badge ${vendor.status === "valid" ? "status-success" : vendor.status === "untested" ? "" : "status-danger"}`}
          >
            ••••{vendor.last4} · {vendor.status ? statusText[vendor.status] : "Not tested yet"}
          </span>
        ) : (
          <span className="badge">Not connected</span>
        )}
      </header>
      {vendor.configured && vendor.statusMessage ? (
        <p className="muted small">
          {vendor.statusMessage}
          {vendor.checkedAt ? (
            <span title={formatDateTime(vendor.checkedAt)}>
              {" "}
              · checked {formatRelative(vendor.checkedAt)}
            </span>
          ) : null}
        </p>
      ) : null}
      <form className="stack" noValidate onSubmit={submit}>
        <TextField
          label={vendor.configured ? `Replace ${vendor.name} API key` : `${vendor.name} API key`}
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          error={errors.fields.apiKey}
        />
        <TextField
          label={`${vendor.name} base URL (optional)`}
          value={baseUrl}
          placeholder={vendor.defaultBaseUrl}
          hint="Leave empty for the vendor's own API."
          onChange={(event) => setBaseUrl(event.target.value)}
          error={errors.fields.baseUrl}
        />
        <FormAlert message={errors.general} />
        <div className="row-gap">
          <button type="submit" className="button primary" disabled={save.isPending || apiKey.trim() === ""}>
            {save.isPending ? "Saving…" : vendor.configured ? "Replace key" : "Connect key"}
          </button>
          {vendor.configured ? (
            <>
              <button
                type="button"
                className="button"
                disabled={test.isPending}
                onClick={() => test.mutate(id)}
              >
                {test.isPending ? "Testing…" : "Test key"}
              </button>
              <button type="button" className="button danger-outline" onClick={() => setRemoving(true)}>
                Remove key
              </button>
            </>
          ) : null}
        </div>
      </form>
      <div role="status" className={test.data?.status === "valid" ? "test-result ok" : "test-result"}>
        {test.data
          ? `Test: ${test.data.message}`
          : test.isError
            ? `Test failed: ${messageOf(test.error)}`
            : null}
      </div>
      <ConfirmDialog
        open={removing}
        title={`Remove the ${vendor.name} key`}
        message={`Remove the ${vendor.name} key (••••${vendor.last4 ?? ""})? ${vendor.name} providers are skipped in every waterfall until a key is connected again.`}
        confirmLabel="Remove key"
        pending={remove.isPending}
        error={remove.isError ? messageOf(remove.error) : null}
        onCancel={() => setRemoving(false)}
        onConfirm={() => remove.mutate(id)}
      />
    </article>
  );
}
