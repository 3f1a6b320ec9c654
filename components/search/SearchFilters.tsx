import { REVIEW_FILTERS } from "@/lib/claims/filter";
import { REVIEW_STATE_LABELS } from "@/lib/claims/review";
import { STATUSES, STATUS_INFO } from "@/lib/claims/statuses";
import { SEARCH_KINDS, SEARCH_KIND_LABELS } from "@/lib/search/schemas";

export interface SearchFilterValues {
  q: string;
  kind?: string;
  status?: string;
  review?: string;
  editor?: string;
  outlet?: string;
  from?: string;
  to?: string;
}

/**
 * The query and the filters as one GET form: submitting puts them all in the address, so a search
 * can be bookmarked and shared, and it works before (and without) any script.
 */
export function SearchFilters({
  values,
  people,
  outlets,
}: {
  values: SearchFilterValues;
  people: Array<{ id: string; name: string }>;
  outlets: string[];
}) {
  return (
    <form action="/search" method="get" className="search-form" role="search" aria-label="Search and filters">
      <div className="field search-query">
        <label htmlFor="search-q">Search articles, claims and sources</label>
        <div className="search-query-row">
          <input id="search-q" name="q" type="search" defaultValue={values.q} maxLength={10000} autoComplete="off" />
          <button type="submit" className="primary">
            Search
          </button>
        </div>
        <p className="hint">
          Words find their forms (sanction finds sanctions); &quot;quoted words&quot; find a phrase; -word leaves a word
          out.
        </p>
      </div>
      <fieldset className="search-filters">
        <legend>Filters</legend>
        <div className="field">
          <label htmlFor="search-kind">Kind</label>
          <select id="search-kind" name="kind" defaultValue={values.kind ?? ""}>
            <option value="">Everything</option>
            {SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SEARCH_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-status">Status</label>
          <select id="search-status" name="status" defaultValue={values.status ?? ""}>
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_INFO[status].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-review">Review</label>
          <select id="search-review" name="review" defaultValue={values.review ?? ""}>
            <option value="">Any review state</option>
            {REVIEW_FILTERS.map((state) => (
              <option key={state} value={state}>
                {REVIEW_STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-editor">Editor</label>
          <select id="search-editor" name="editor" defaultValue={values.editor ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-outlet">Outlet</label>
          <select id="search-outlet" name="outlet" defaultValue={values.outlet ?? ""}>
            <option value="">Any outlet</option>
            {outlets.map((outlet) => (
              <option key={outlet} value={outlet}>
                {outlet}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-from">Added from</label>
          <input id="search-from" name="from" type="date" defaultValue={values.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="search-to">Added until</label>
          <input id="search-to" name="to" type="date" defaultValue={values.to ?? ""} />
        </div>
        <button type="submit">Apply filters</button>
      </fieldset>
    </form>
  );
}
