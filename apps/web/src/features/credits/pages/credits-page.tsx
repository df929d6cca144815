import { Notice } from "../../../app/ui/states.tsx";
import "../../enrichment/enrichment.css";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { BalanceCards } from "../components/balance-cards.tsx";
import "../credits.css";
import { GrantCreditsForm } from "../components/grant-credits-form.tsx";
import { LedgerTable } from "../components/ledger-table.tsx";
import { SpendCapsForm } from "../components/spend-caps-form.tsx";

export function CreditsPage() {
  const workspace = useWorkspace();
  return (
    <main className="page narrow credits-page">
      <header className="page-header">
        <h1>Credits</h1>
        <p className="muted">Enrichment spends credits only for values found and used.</p>
      </header>
      {workspace.can("credits.read") ? (
        <>
          <BalanceCards />
          {workspace.can("credits.manage") ? <GrantCreditsForm /> : null}
          <SpendCapsForm />
          <LedgerTable />
        </>
      ) : (
        <Notice>Credits are not available to your role.</Notice>
      )}
    </main>
  );
}
