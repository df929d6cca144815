import { planLimitRoom } from "@quarry/core/plan-limits";
import { actorUserId } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { insertActivities, type NewActivity } from "../queries/activity.queries.ts";
import {
  findAutoCreateCompanies,
  findCompanyIdsByDomain,
  findLinkCandidates,
  insertCompaniesForDomains,
  setContactCompanies,
} from "../queries/company-links.queries.ts";
import { activitySource } from "./activity-source.ts";
import { linkDomainOf } from "./link-domain.ts";

/**
 * How contacts belong to companies. A contact links to the live company whose domain is its link
 * domain (linkDomainOf: company_domain, else a non-free-mail email's domain); when none has it and
 * the workspace allows it (record_settings.auto_create_companies, on by default) the company is
 * created, named after the contact's company_name. Every function here works on sets and runs in
 * the caller's transaction: `db` is that transaction.
 */

/**
 * The live company of each domain, creating the missing ones when the workspace allows it. Two
 * transactions creating the same domain at once make one company: the second waits on the unique
 * index and then finds the first's.
 */
export async function companiesForDomains(
  ctx: ServiceCtx,
  db: Database,
  wanted: ReadonlyMap<string, string | null>,
  opts: { reserved?: number } = {},
): Promise<Map<string, string>> {
  const domains = [...wanted.keys()];
  const found = await findCompanyIdsByDomain(db, ctx.workspaceId, domains);
  const missing = domains.filter((d) => !found.has(d)).sort();
  if (missing.length === 0 || !(await findAutoCreateCompanies(db, ctx.workspaceId))) return found;
  if (!(await roomFor({ ...ctx, db }, missing.length + (opts.reserved ?? 0)))) return found;
  const actorId = actorUserId(ctx.actor);
  const created = await insertCompaniesForDomains(
    db,
    ctx.workspaceId,
    missing.map((domain) => ({ domain, name: wanted.get(domain) ?? null })),
    actorId,
  );
  const source = activitySource(ctx.actor);
  await insertActivities(
    db,
    created.map((c) => ({
      workspaceId: ctx.workspaceId,
      entity: "company",
      recordId: c.id,
      actorId,
      source,
      action: "create",
      changes: [
        ...(c.name ? [{ field: "name", old: null, new: c.name }] : []),
        { field: "domain", old: null, new: c.domain },
      ],
    })),
  );
  for (const c of created) found.set(c.domain, c.id);
  const racing = missing.filter((d) => !found.has(d));
  for (const [domain, id] of await findCompanyIdsByDomain(db, ctx.workspaceId, racing)) found.set(domain, id);
  return found;
}

/**
 * Whether the plan's records limit leaves room for `needed` more: companies created on the side
 * (auto-created for a contact's domain) are skipped rather than refusing the write they come with,
 * as when the workspace turns auto-creation off; the contacts stay unlinked.
 */
async function roomFor(ctx: ServiceCtx, needed: number): Promise<boolean> {
  const room = await planLimitRoom(ctx, "records");
  return room === null || room >= needed;
}

/** The company a contact with these values links to (null: no link domain, or no company and none created). */
export async function companyIdFor(
  ctx: ServiceCtx,
  db: Database,
  contact: Readonly<Record<string, unknown>>,
  opts: { reserved?: number } = {},
): Promise<string | null> {
  const domain = linkDomainOf(contact);
  if (!domain) return null;
  const name = typeof contact.company_name === "string" ? contact.company_name : null;
  return (await companiesForDomains(ctx, db, new Map([[domain, name]]), opts)).get(domain) ?? null;
}

export interface Relink {
  id: string;
  /** The contact's link domain now (null unlinks it). */
  domain: string | null;
  companyName: string | null;
}

/**
 * Points each contact at the company of its domain (created when missing and allowed; a domain
 * without a company unlinks), in a constant number of statements, with one "update" activity row
 * per contact whose company changed. Returns how many changed.
 */
export async function relinkContacts(
  ctx: ServiceCtx,
  db: Database,
  contacts: readonly Relink[],
): Promise<number> {
  if (contacts.length === 0) return 0;
  const wanted = new Map<string, string | null>();
  for (const c of contacts) {
    if (c.domain && !wanted.get(c.domain)) wanted.set(c.domain, c.companyName);
  }
  const companies = wanted.size > 0 ? await companiesForDomains(ctx, db, wanted) : new Map<string, string>();
  const changed = await setContactCompanies(
    db,
    ctx.workspaceId,
    contacts.map((c) => ({ id: c.id, companyId: c.domain ? (companies.get(c.domain) ?? null) : null })),
  );
  await insertActivities(
    db,
    changed.map((c) => linkActivity(ctx, c)),
  );
  return changed.length;
}

/**
 * A company got this domain (created, domain changed, restored): the live contacts of that domain
 * without a live company link to it.
 */
export async function linkContactsToCompany(
  ctx: ServiceCtx,
  db: Database,
  company: { id: string; domain?: unknown },
): Promise<number> {
  if (typeof company.domain !== "string" || company.domain === "") return 0;
  const domain = company.domain;
  const candidates = await findLinkCandidates(db, ctx.workspaceId, domain);
  const matching = candidates.filter((c) => linkDomainOf(c) === domain);
  const changed = await setContactCompanies(
    db,
    ctx.workspaceId,
    matching.map((c) => ({ id: c.id, companyId: company.id })),
  );
  await insertActivities(
    db,
    changed.map((c) => linkActivity(ctx, c)),
  );
  return changed.length;
}

function linkActivity(
  ctx: ServiceCtx,
  c: { id: string; old: string | null; new: string | null },
): NewActivity {
  return {
    workspaceId: ctx.workspaceId,
    entity: "contact",
    recordId: c.id,
    actorId: actorUserId(ctx.actor),
    source: activitySource(ctx.actor),
    action: "update",
    changes: [{ field: "company_id", old: c.old, new: c.new }],
  };
}
