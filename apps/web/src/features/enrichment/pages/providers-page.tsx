import { Notice } from "../../../app/ui/states.tsx";
import { CompanyLinkingSettings } from "../../records/components/company-linking-settings.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { ProvidersTable } from "../components/providers-table.tsx";
import { TestModeSwitch } from "../components/test-mode-switch.tsx";
import { ThresholdForm } from "../components/threshold-form.tsx";
import { VendorKeys } from "../components/vendor-keys.tsx";
import { WaterfallEditor } from "../components/waterfall-editor.tsx";
import "../enrichment.css";

export function ProvidersPage() {
  const workspace = useWorkspace();
  if (!workspace.can("enrichment.read")) {
    return (
      <main className="page narrow">
        <h1>Providers</h1>
        <Notice>Enrichment settings are not available to your role.</Notice>
      </main>
    );
  }
  return (
    <main className="page wide">
      <header className="page-header">
        <h1>Providers</h1>
        <p className="muted">Where enriched values come from, in what order, and what they cost.</p>
      </header>
      <section className="card" aria-label="Test mode">
        <TestModeSwitch />
      </section>
      <ProvidersTable />
      {workspace.can("providers.manage") ? <VendorKeys /> : null}
      <WaterfallEditor />
      <ThresholdForm />
      <CompanyLinkingSettings />
    </main>
  );
}
