import { Notice } from "../../../app/ui/states.tsx";
import "../../enrichment/enrichment.css";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { BalanceCards } from "../components/balance-cards.tsx";
import "../credits.css";
import { LedgerTable } from "../components/ledger-table.tsx";
import { SpendCapsForm } from "../components/spend-caps-form.tsx";

export function CreditsPage() {
  const workspace = useWorkspace();
  return (
    <main className="page narrow credits-page">
      <header className="page-header">
        <h1>Credits</h1>
        <p className="muted">
          Enrichment spends credits only for values found and used. Credits are added by purchases and by your
          Quarry operator.
        </p>
      </header>
      {workspace.can("credits.read") ? (
        <>
          <BalanceCards />
          <SpendCapsForm />
          <LedgerTable />
        </>
      ) : (
        <Notice>Credits are not available to your role.</Notice>
      )}
    </main>
  );
}
