import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../app/trpc.ts";
import { ErrorState } from "../../../app/ui/states.tsx";
import { contactName } from "../entities/contacts.ts";
import { formatTotal } from "../entities/format-total.ts";

interface CompanyContactsProps {
  workspaceId: string;
  companyId: string;
}

/** The company panel's list of the contacts linked to it (by domain, or chosen), newest first. */
export function CompanyContacts({ workspaceId, companyId }: CompanyContactsProps) {
  const trpc = useTRPC();
  const contacts = useInfiniteQuery(
    trpc.records.contacts.list.infiniteQueryOptions(
      {
        workspaceId,
        filter: { op: "and", conditions: [{ field: "company_id", operator: "equals", value: companyId }] },
        limit: 25,
      },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const pages = contacts.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const total = pages[0]?.total;

  return (
    <section className="timeline" aria-labelledby="company-contacts-heading">
      <h3 id="company-contacts-heading">
        Contacts
        {total && total.value > 0 ? (
          <span className="muted"> · {formatTotal(total, "contact", "contacts")}</span>
        ) : null}
      </h3>
      {contacts.isPending ? <p className="muted">Loading contacts…</p> : null}
      {contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : null}
      {contacts.data && items.length === 0 ? (
        <p className="muted">
          No contacts yet. Contacts whose email or company domain matches this company join it.
        </p>
      ) : null}
      <ul aria-label="Contacts of this company" className="timeline-list">
        {items.map((contact) => (
          <li key={contact.id} className="timeline-item">
            <span className="timeline-text">
              <strong>{contactName(contact)}</strong>
              {[contact.title, contact.email].filter(Boolean).length > 0 ? (
                <span className="muted"> · {[contact.title, contact.email].filter(Boolean).join(" · ")}</span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {contacts.hasNextPage ? (
        <button
          type="button"
          className="button small"
          disabled={contacts.isFetchingNextPage}
          onClick={() => void contacts.fetchNextPage()}
        >
          {contacts.isFetchingNextPage ? "Loading…" : "Show more contacts"}
        </button>
      ) : null}
    </section>
  );
}
