import { useIsMutating, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { Link } from "react-router";
import { readStored, writeStored } from "../../../app/lib/storage.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import "../enrichment.css";
import "../newcomer.css";
import { TestModeSwitch } from "./test-mode-switch.tsx";

const dismissedKey = (workspaceId: string) => `quarry:getting-started-dismissed:${workspaceId}`;

/**
 * A new workspace's first steps: add contacts, try enrichment in test mode, add a provider key,
 * invite a teammate. Each ticks itself off from what the workspace holds (enrichment.onboarding.get,
 * read again after every change made here); the list goes away when all are done, or when
 * dismissed (remembered on this device, per workspace).
 */
export function GettingStarted() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [dismissed, setDismissed] = useState(() => readStored(dismissedKey(workspace.id)) === true);
  const enabled = !dismissed && workspace.can("enrichment.read");
  const state = useQuery(
    trpc.enrichment.onboarding.get.queryOptions({ workspaceId: workspace.id }, { enabled, staleTime: 0 }),
  );
  // Contacts added, invitations sent, keys stored: any change made in the app may tick a step off.
  const mutating = useIsMutating();
  useEffect(() => {
    if (mutating === 0 && enabled) {
      void queryClient.invalidateQueries({ queryKey: trpc.enrichment.onboarding.pathKey() });
    }
  }, [mutating, enabled, queryClient, trpc]);

  const s = state.data;
  if (!enabled || !s) return null;
  const steps = [s.contacts, s.testRun, s.providerKey, s.teammate];
  const left = steps.filter((done) => !done).length;
  if (left === 0) return null;
  const base = `/w/${workspace.id}`;
  const dismiss = () => {
    writeStored(dismissedKey(workspace.id), true);
    setDismissed(true);
  };
  return (
    <aside className="getting-started card" aria-labelledby="getting-started-heading">
      <div className="getting-started-header">
        <h2 id="getting-started-heading">Get started</h2>
        <span className="muted small">
          {steps.length - left} of {steps.length} done
        </span>
        <button type="button" className="button small" onClick={dismiss}>
          Dismiss checklist
        </button>
      </div>
      <ol className="checklist">
        <Step done={s.contacts} title="Add contacts">
          Choose <strong>New contact</strong> above the list.
        </Step>
        <Step done={s.testRun} title="Try enrichment in test mode">
          <TestModeSwitch compact />
          <span className="block">
            {s.testMode
              ? "Now select contacts and choose Enrich: the sandbox fills them with made-up data, at no cost."
              : "Switch it on, then select contacts and choose Enrich. Nothing is charged."}
          </span>
        </Step>
        <Step done={s.providerKey} title="Add a provider key">
          <Link to={`${base}/settings/providers`}>Connect a vendor</Link> (Hunter, Apollo, People Data Labs)
          to fill fields with real data.
        </Step>
        <Step done={s.teammate} title="Invite a teammate">
          <Link to={`${base}/settings/members`}>Invite people</Link> to work in this workspace with you.
        </Step>
      </ol>
    </aside>
  );
}

function Step({ done, title, children }: { done: boolean; title: string; children: ReactNode }) {
  return (
    <li className={`checklist-step${done ? " done" : ""}`}>
      <span className="checklist-mark" aria-hidden="true">
        {done ? "✓" : ""}
      </span>
      <div>
        <strong>{title}</strong>
        <span className="visually-hidden">{done ? " (done)" : " (to do)"}</span>
        {done ? null : <div className="muted small">{children}</div>}
      </div>
    </li>
  );
}
