import { useId } from "react";

interface RecordsToolbarProps {
  title: string;
  totalText: string;
  search: string;
  onSearch: (value: string) => void;
  searchLabel: string;
  filterCount: number;
  onOpenFilter: () => void;
  onOpenColumns: () => void;
  showDeleted: boolean;
  onShowDeleted: (value: boolean) => void;
  newLabel: string | null;
  onNew: () => void;
  viewOnly: boolean;
}

export function RecordsToolbar(props: RecordsToolbarProps) {
  const searchId = useId();
  return (
    <header className="records-header">
      <div className="records-title">
        <h1>{props.title}</h1>
        <span className="count" role="status" aria-live="polite">
          {props.totalText}
        </span>
        {props.viewOnly ? (
          <span className="badge" title="Your role can view records but not change them.">
            View-only access
          </span>
        ) : null}
      </div>
      <div className="toolbar">
        <label htmlFor={searchId} className="visually-hidden">
          {props.searchLabel}
        </label>
        <input
          id={searchId}
          type="search"
          className="search-input"
          placeholder={`${props.searchLabel}…`}
          value={props.search}
          onChange={(event) => props.onSearch(event.target.value)}
        />
        <button type="button" className="button" aria-haspopup="dialog" onClick={props.onOpenFilter}>
          Filter{props.filterCount > 0 ? ` (${props.filterCount})` : ""}
        </button>
        <button type="button" className="button" aria-haspopup="dialog" onClick={props.onOpenColumns}>
          Columns
        </button>
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={props.showDeleted}
            onChange={(event) => props.onShowDeleted(event.target.checked)}
          />
          Show deleted
        </label>
        {props.newLabel ? (
          <button type="button" className="button primary" onClick={props.onNew}>
            {props.newLabel}
          </button>
        ) : null}
      </div>
    </header>
  );
}
