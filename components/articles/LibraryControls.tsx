import { LIBRARY_SORTS, LIBRARY_SORT_LABELS, type LibraryQuery } from "@/lib/articles/library";

/** The library's order and filters as one GET form: the address holds them, so a view can be shared. */
export function LibraryControls({
  query,
  people,
  outlets,
}: {
  query: LibraryQuery;
  people: Array<{ id: string; name: string }>;
  outlets: string[];
}) {
  return (
    <form action="/articles" method="get" className="library-controls" aria-label="Sort and filter the library">
      <div className="field">
        <label htmlFor="library-sort">Sort by</label>
        <select id="library-sort" name="sort" defaultValue={query.sort}>
          {LIBRARY_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {LIBRARY_SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-outlet">Outlet</label>
        <select id="library-outlet" name="outlet" defaultValue={query.outlet ?? ""}>
          <option value="">Any outlet</option>
          {outlets.map((outlet) => (
            <option key={outlet} value={outlet}>
              {outlet}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-added-by">Added by</label>
        <select id="library-added-by" name="addedBy" defaultValue={query.addedBy ?? ""}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field library-check">
        <input
          id="library-awaiting"
          name="awaiting"
          type="checkbox"
          value="1"
          defaultChecked={query.awaiting === "1"}
        />
        <label htmlFor="library-awaiting">Has claims awaiting review</label>
      </div>
      <button type="submit">Apply</button>
    </form>
  );
}
