import type { ReactNode } from "react";

/**
 * A labelled select inside a GET form: the label, the "any" option (an empty value, so the filter
 * is left out of the address) and the choices. Used by the library's and the search's filters.
 */
export function SelectField({
  id,
  name,
  label,
  defaultValue,
  anyLabel,
  options,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  /** The first option, with an empty value; none when the select always has a value. */
  anyLabel?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Options placed between the "any" option and `options` (e.g. "Me"). */
  children?: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {children}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
