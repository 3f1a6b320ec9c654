import { SelectField } from "@/components/ui/SelectField";
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
      <SelectField
        id="library-sort"
        name="sort"
        label="Sort by"
        defaultValue={query.sort}
        options={LIBRARY_SORTS.map((sort) => ({ value: sort, label: LIBRARY_SORT_LABELS[sort] }))}
      />
      <SelectField
        id="library-outlet"
        name="outlet"
        label="Outlet"
        defaultValue={query.outlet ?? ""}
        anyLabel="Any outlet"
        options={outlets.map((outlet) => ({ value: outlet, label: outlet }))}
      />
      <SelectField
        id="library-added-by"
        name="addedBy"
        label="Added by"
        defaultValue={query.addedBy ?? ""}
        anyLabel="Anyone"
        options={people.map((person) => ({ value: person.id, label: person.name }))}
      >
        <option value="me">Me</option>
      </SelectField>
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
