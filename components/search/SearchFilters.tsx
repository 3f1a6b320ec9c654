import { SelectField } from "@/components/ui/SelectField";
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
        <SelectField
          id="search-kind"
          name="kind"
          label="Kind"
          defaultValue={values.kind ?? ""}
          anyLabel="Everything"
          options={SEARCH_KINDS.map((kind) => ({ value: kind, label: SEARCH_KIND_LABELS[kind] }))}
        />
        <SelectField
          id="search-status"
          name="status"
          label="Status"
          defaultValue={values.status ?? ""}
          anyLabel="Any status"
          options={STATUSES.map((status) => ({ value: status, label: STATUS_INFO[status].label }))}
        />
        <SelectField
          id="search-review"
          name="review"
          label="Review"
          defaultValue={values.review ?? ""}
          anyLabel="Any review state"
          options={REVIEW_FILTERS.map((state) => ({ value: state, label: REVIEW_STATE_LABELS[state] }))}
        />
        <SelectField
          id="search-editor"
          name="editor"
          label="Editor"
          defaultValue={values.editor ?? ""}
          anyLabel="Anyone"
          options={people.map((person) => ({ value: person.id, label: person.name }))}
        >
          <option value="me">Me</option>
        </SelectField>
        <SelectField
          id="search-outlet"
          name="outlet"
          label="Outlet"
          defaultValue={values.outlet ?? ""}
          anyLabel="Any outlet"
          options={outlets.map((outlet) => ({ value: outlet, label: outlet }))}
        />
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
