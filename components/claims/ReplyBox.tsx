"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { mentionQueryAt, suggestPeople, type KnownPerson } from "@/lib/discussion/mentions";
import { MAX_REPLY_LENGTH, replySchema } from "@/lib/discussion/schemas";
import { fetchPeople } from "./api";

interface Props {
  label: string;
  submitLabel: string;
  initialText?: string;
  busy: boolean;
  /** Resolves true when the server took the text (the box then empties, or closes). */
  onSubmit(text: string): Promise<boolean>;
  onCancel?(): void;
  /** Focus the box when it appears (editing a reply). */
  autoFocus?: boolean;
}

const counter = new Intl.NumberFormat("en");

/**
 * A reply's text box: a character counter, the reply rules checked before sending (the server
 * checks them again), and colleagues suggested after `@` in a listbox (arrow keys, Enter or
 * Tab to pick, Escape to close).
 */
export function ReplyBox({ label, submitLabel, initialText = "", busy, onSubmit, onCancel, autoFocus }: Props) {
  const id = useId();
  const listId = `${id}-people`;
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const [people, setPeople] = useState<KnownPerson[] | null>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (query && !people) void fetchPeople().then((found) => found && setPeople(found));
  }, [query, people]);

  const suggestions = query && people ? suggestPeople(people, query.query) : [];
  const open = suggestions.length > 0;
  const active = open ? Math.min(highlighted, suggestions.length - 1) : -1;

  function follow(value: string, caret: number) {
    setText(value);
    setError(null);
    const next = mentionQueryAt(value, caret);
    setQuery(next);
    if (next?.query !== query?.query) setHighlighted(0);
  }

  function pick(person: KnownPerson) {
    if (!query) return;
    const caret = box.current?.selectionStart ?? text.length;
    const inserted = `@${person.name} `;
    const value = text.slice(0, query.start) + inserted + text.slice(caret);
    setText(value);
    setQuery(null);
    const at = query.start + inserted.length;
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlighted((active + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(suggestions[active]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = replySchema.safeParse({ text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "This reply cannot be posted.");
      box.current?.focus();
      return;
    }
    if (await onSubmit(parsed.data.text)) {
      setText("");
      setQuery(null);
    }
  }

  const over = text.length > MAX_REPLY_LENGTH;
  return (
    <form className="reply-form" onSubmit={submit} noValidate>
      <label htmlFor={id} className="claim-field-label">
        {label}
      </label>
      <div className="reply-box">
        <textarea
          id={id}
          ref={box}
          value={text}
          rows={3}
          readOnly={busy}
          aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          onChange={(event) => follow(event.target.value, event.target.selectionStart)}
          onKeyDown={onKeyDown}
          // Picking an option keeps the focus here (mousedown is prevented), so leaving the box closes the list.
          onBlur={() => setQuery(null)}
        />
        {open && (
          <ul id={listId} role="listbox" aria-label="Colleagues to mention" className="mention-list">
            {suggestions.map((person, index) => (
              <li
                key={person.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? "is-active" : undefined}
                // mousedown, not click: the textarea keeps focus (its blur would close the list first).
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(person);
                }}
              >
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p id={`${id}-count`} className={`reply-count${over ? " error-text" : " muted"}`}>
        {counter.format(text.length)} / {counter.format(MAX_REPLY_LENGTH)} characters
        {over ? ` (${counter.format(text.length - MAX_REPLY_LENGTH)} too many)` : ""}
      </p>
      {error && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="claim-actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
