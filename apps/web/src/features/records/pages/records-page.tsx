import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { formatNumber } from "../../../app/lib/format.ts";
import { useDebouncedValue } from "../../../app/lib/use-debounced-value.ts";
import { lazyPage } from "../../../app/shell/lazy-page.ts";
import { EmptyState, ErrorState, Notice } from "../../../app/ui/states.tsx";
import { roleLabel, useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { RecordsToolbar } from "../components/records-toolbar.tsx";
import { SelectionBar } from "../components/selection-bar.tsx";
import "../records.css";
import type { RecordSelection } from "@quarry/records/schemas/selection";
import { useProviders } from "../../enrichment/hooks/use-providers.ts";
import { buildFilter } from "../entities/filter-draft.ts";
import { formatTotal } from "../entities/format-total.ts";
import type { ColumnDef, EntityConfig, ListParams, RecordRow } from "../entities/types.ts";
import { RecordCards } from "../grid/record-cards.tsx";
import { RecordGrid } from "../grid/record-grid.tsx";
import { useGridColumns } from "../grid/use-grid-columns.ts";
import { useColumnPrefs } from "../hooks/use-column-prefs.ts";
import { useEntityColumns } from "../hooks/use-entity-columns.ts";
import { useInlineSave } from "../hooks/use-inline-save.ts";
import { draftsOf, useListUrlState } from "../hooks/use-list-url-state.ts";
import { useNarrow } from "../hooks/use-narrow.ts";
import { useRecordApi } from "../hooks/use-record-api.ts";
import { useRecordCache } from "../hooks/use-record-cache.ts";
import { useRecordList } from "../hooks/use-record-list.ts";
import { type RowSelection, useRowSelection } from "../hooks/use-row-selection.ts";

// Opened on demand: each loads when first opened, so the grid's first paint carries none of them.
const ColumnChooser = lazyPage(() => import("../components/column-chooser.tsx"), "ColumnChooser");
const FilterBuilder = lazyPage(() => import("../components/filter-builder.tsx"), "FilterBuilder");
const NewRecordDialog = lazyPage(() => import("../components/new-record-dialog.tsx"), "NewRecordDialog");
const RecordPanel = lazyPage(() => import("../components/record-panel.tsx"), "RecordPanel");
const EnrichDialog = lazyPage(() => import("../../enrichment/components/enrich-dialog.tsx"), "EnrichDialog");

export function RecordsPage({ config }: { config: EntityConfig }) {
  const workspace = useWorkspace();
  if (!workspace.can("records.read")) {
    return (
      <main className="page narrow">
        <header className="page-header">
          <h1>{config.plural.charAt(0).toUpperCase() + config.plural.slice(1)}</h1>
        </header>
        <Notice>
          Records are not available to your role ({roleLabel(workspace.role)}). Ask an admin if you need
          access.
        </Notice>
      </main>
    );
  }
  return <RecordsView key={`${workspace.id}:${config.key}`} config={config} />;
}

function RecordsView({ config }: { config: EntityConfig }) {
  const workspace = useWorkspace();
  const canWrite = workspace.can("records.write");
  const canDelete = workspace.can("records.delete");
  const api = useRecordApi(config.key, workspace.id);
  const cache = useRecordCache(config.key, workspace.id);
  const allColumns = useEntityColumns(config, workspace.id, true);
  const view = useListUrlState();
  const narrow = useNarrow();
  const prefs = useColumnPrefs(
    workspace.id,
    config.key,
    allColumns,
    view.visibleColumns,
    view.setVisibleColumns,
  );
  const layout = useGridColumns(prefs.ordered, prefs.widths, prefs.setWidths);
  const { widths, setWidths } = prefs;
  const onResize = useCallback(
    (key: string, width: number) => setWidths({ ...widths, [key]: width }),
    [widths, setWidths],
  );

  // The box shows what is typed at once; the URL (and the query) follow after a pause.
  const [searchText, setSearchText] = useState(view.search);
  const debounced = useDebouncedValue(searchText.trim(), 300);
  // Only a change of the typed text writes the URL. Keyed on `debounced` alone: when the user
  // leaves for another page, the location (and so setSearch) changes while this page is still
  // shown, and writing "?q=" then would navigate back here.
  const latest = useRef({ setSearch: view.setSearch, search: view.search });
  latest.current = { setSearch: view.setSearch, search: view.search };
  useEffect(() => {
    if (debounced !== latest.current.search) latest.current.setSearch(debounced);
  }, [debounced]);
  const search = view.search;
  const { sort, filter, showDeleted, setShowDeleted } = view;
  const drafts = useMemo(() => draftsOf(filter), [filter]);
  const [dialog, setDialog] = useState<"filter" | "columns" | "new" | "enrich" | null>(null);
  const [openRow, setOpenRow] = useState<RecordRow | null>(null);

  const params = useMemo<ListParams>(
    () => ({
      ...(filter ? { filter } : {}),
      ...(sort ? { sort } : {}),
      ...(search ? { search } : {}),
      ...(showDeleted ? { deleted: true } : {}),
    }),
    [filter, sort, search, showDeleted],
  );
  const list = useRecordList(api, config.key, workspace.id, params);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const canEnrich = workspace.can("enrichment.run") && !showDeleted;
  const providers = useProviders();
  const picked = useRowSelection(list.rows, list.total?.value ?? null, JSON.stringify(params));
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const { setSort } = view;
  const onSort = useCallback(
    (column: ColumnDef) =>
      setSort(
        sort?.field === column.key
          ? { field: column.key, direction: sort.direction === "asc" ? "desc" : "asc" }
          : { field: column.key, direction: "asc" },
      ),
    [sort, setSort],
  );

  const { validate, onSave } = useInlineSave(api, cache);

  const title = config.plural.charAt(0).toUpperCase() + config.plural.slice(1);
  const narrowed = Boolean(search || filter || showDeleted);
  // An estimate never reads below the rows already loaded.
  const totalText = list.total
    ? formatTotal(
        list.total.exact
          ? list.total
          : { ...list.total, value: Math.max(list.total.value, list.rows.length) },
        config.singular,
        config.plural,
      )
    : "";
  const empty = list.isSuccess && list.rows.length === 0;

  return (
    <main className="records-page">
      <RecordsToolbar
        title={title}
        totalText={totalText}
        search={searchText}
        onSearch={setSearchText}
        searchLabel={`Search ${config.plural}`}
        filterCount={filter?.conditions.length ?? 0}
        onOpenFilter={() => setDialog("filter")}
        onOpenColumns={() => setDialog("columns")}
        showDeleted={showDeleted}
        onShowDeleted={setShowDeleted}
        newLabel={canWrite ? `New ${config.singular}` : null}
        onNew={() => setDialog("new")}
        viewOnly={!canWrite}
      />
      {canEnrich && !empty ? (
        <SelectionBar
          selection={picked.selection}
          count={picked.count}
          total={list.total?.value ?? null}
          singular={config.singular}
          plural={config.plural}
          canSelectMatching={picked.canSelectMatching}
          onSelectMatching={picked.selectMatching}
          onClear={picked.clear}
          onEnrich={() => setDialog("enrich")}
        />
      ) : null}
      {list.isError && list.rows.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : empty ? (
        <EmptyState title={narrowed ? `No ${config.plural} match` : `No ${config.plural} yet`}>
          {narrowed ? (
            <p className="muted">Try a different search or clear the filters.</p>
          ) : (
            <p className="muted">
              {canWrite
                ? `Add one or import a CSV (coming soon).`
                : "Nothing has been added to this workspace yet."}
            </p>
          )}
          {!narrowed && canWrite ? (
            <button type="button" className="button primary" onClick={() => setDialog("new")}>
              New {config.singular}
            </button>
          ) : null}
        </EmptyState>
      ) : narrow ? (
        <RecordCards
          label={title}
          columns={prefs.visible}
          rows={list.rows}
          hasNextPage={hasNextPage}
          isFetchingNextPage={isFetchingNextPage}
          fetchNextPage={loadMore}
          displayName={config.displayName}
          onOpen={setOpenRow}
          selection={canEnrich ? picked.grid : null}
        />
      ) : (
        <RecordGrid
          label={title}
          columns={layout}
          onResize={onResize}
          onReorder={prefs.moveBefore}
          rows={list.rows}
          rowCount={list.total?.exact ? list.total.value : null}
          loading={list.isPending}
          hasNextPage={hasNextPage}
          isFetchingNextPage={isFetchingNextPage}
          fetchNextPage={loadMore}
          sort={sort}
          onSort={onSort}
          canEdit={canWrite && !showDeleted}
          displayName={config.displayName}
          onOpen={setOpenRow}
          validate={validate}
          onSave={onSave}
          providerName={providers.nameOf}
          selection={canEnrich ? picked.grid : null}
        />
      )}
      {list.isFetchNextPageError ? <ErrorState error={list.error} onRetry={loadMore} /> : null}
      <Suspense fallback={null}>
        {dialog === "filter" ? (
          <FilterBuilder
            open
            onClose={() => setDialog(null)}
            title={`Filter ${config.plural}`}
            columns={allColumns}
            op={filter?.op ?? "and"}
            drafts={drafts}
            onApply={(op, next) => view.setFilter(buildFilter(op, next, allColumns))}
          />
        ) : null}
        {dialog === "columns" ? (
          <ColumnChooser
            open
            onClose={() => setDialog(null)}
            columns={prefs.ordered}
            onToggle={prefs.toggle}
            onMove={prefs.move}
            onReset={prefs.reset}
          />
        ) : null}
        {dialog === "new" ? (
          <NewRecordDialog
            open
            onClose={() => setDialog(null)}
            config={config}
            api={api}
            onCreated={cache.prepend}
          />
        ) : null}
        {dialog === "enrich" ? (
          <EnrichDialog
            open
            onClose={() => setDialog(null)}
            entity={config.entity}
            selection={toRecordSelection(picked.selection, params)}
            selectionText={
              picked.selection.kind === "matching"
                ? `all ${formatNumber(picked.count)} matching ${config.plural}`
                : `${formatNumber(picked.count)} selected ${picked.count === 1 ? config.singular : config.plural}`
            }
          />
        ) : null}
        {openRow ? (
          <RecordPanel
            row={openRow}
            config={config}
            columns={allColumns}
            workspaceId={workspace.id}
            api={api}
            canWrite={canWrite}
            canDelete={canDelete}
            canEnrich={canEnrich}
            providerName={providers.nameOf}
            onClose={() => setOpenRow(null)}
          />
        ) : null}
      </Suspense>
    </main>
  );
}

/** The grid's selection as the enrichment API takes it: picked ids, or the current search and filter. */
function toRecordSelection(selection: RowSelection, params: ListParams): RecordSelection {
  if (selection.kind === "ids") return { ids: [...selection.ids] };
  return {
    ...(params.filter ? { filter: params.filter } : {}),
    ...(params.search ? { search: params.search } : {}),
  };
}
