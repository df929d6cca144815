import { useEffect } from "react";
import { NavLink } from "react-router";
import type { CurrentWorkspace } from "../../features/workspaces/hooks/workspace-context.ts";
import { useDisclosure } from "../lib/use-disclosure.ts";

/**
 * The workspace's navigation. Wide windows show the links in the top bar; below 768 px they fold
 * behind a "Menu" button (a disclosure: aria-expanded/aria-controls). Opening moves focus to the
 * first link; Escape closes it and returns focus to the button; following a link, clicking
 * outside or tabbing out of the menu closes it.
 */
export function NavMenu({ workspace }: { workspace: CurrentWorkspace }) {
  const { open, setOpen, menuId, root, button } = useDisclosure();
  const base = `/w/${workspace.id}`;
  const close = () => setOpen(false);

  useEffect(() => {
    const el = root.current;
    if (!open || !el) return;
    el.querySelector<HTMLElement>(".nav-links a")?.focus();
    function onFocusOut(event: FocusEvent) {
      if (!el?.contains(event.relatedTarget as Node | null)) setOpen(false);
    }
    el.addEventListener("focusout", onFocusOut);
    return () => el.removeEventListener("focusout", onFocusOut);
  }, [open, root, setOpen]);

  return (
    <div className="nav" ref={root}>
      <button
        ref={button}
        type="button"
        className="button ghost nav-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <nav aria-label="Workspace" id={menuId} className="nav-links" data-open={open}>
        <NavLink to={`${base}/contacts`} onClick={close}>
          Contacts
        </NavLink>
        <NavLink to={`${base}/companies`} onClick={close}>
          Companies
        </NavLink>
        {workspace.can("enrichment.read") ? (
          <NavLink to={`${base}/enrichment/runs`} onClick={close}>
            Enrichment runs
          </NavLink>
        ) : null}
        <span className="nav-separator" aria-hidden="true" />
        <NavLink to={`${base}/settings/members`} onClick={close}>
          Members
        </NavLink>
        {workspace.can("enrichment.read") ? (
          <NavLink to={`${base}/settings/providers`} onClick={close}>
            Providers
          </NavLink>
        ) : null}
        {workspace.can("credits.read") ? (
          <NavLink to={`${base}/settings/credits`} onClick={close}>
            Credits
          </NavLink>
        ) : null}
        {workspace.can("billing.read") ? (
          <NavLink to={`${base}/settings/billing`} onClick={close}>
            Billing
          </NavLink>
        ) : null}
        {workspace.can("apikeys.manage") ? (
          <NavLink to={`${base}/settings/api-keys`} onClick={close}>
            API keys
          </NavLink>
        ) : null}
      </nav>
    </div>
  );
}
