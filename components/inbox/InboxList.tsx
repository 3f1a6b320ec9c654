"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { INBOX_KIND_LABEL, type InboxItem } from "@/lib/inbox/items";
import { formatDateTime, plural } from "@/lib/format";
import { ReplyText } from "@/components/claims/ReplyText";
import { INBOX_CHANGED_EVENT, INBOX_MARKED_EVENT, postInboxDone } from "./api";

/** The inbox's items with Mark done / Mark all done and a Show done toggle. */
export function InboxList({ initialItems }: { initialItems: InboxItem[] }) {
  const router = useRouter();
  const toggleId = useId();
  const [items, setItems] = useState(initialItems);
  const [showDone, setShowDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState("");

  // Kept live: the header reads the inbox when the server hints that it changed (InboxLink).
  useEffect(() => {
    const onChanged = (event: Event) => {
      const answer = (event as CustomEvent<{ items: InboxItem[] }>).detail;
      if (answer?.items) setItems(answer.items);
    };
    window.addEventListener(INBOX_CHANGED_EVENT, onChanged);
    return () => window.removeEventListener(INBOX_CHANGED_EVENT, onChanged);
  }, []);

  const open = items.filter((item) => !item.done);
  const shown = showDone ? items : open;

  async function mark(keys: string[], done: boolean) {
    setBusy(true);
    setNotice("");
    const result = await postInboxDone(keys, done);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    const changed = new Set(keys);
    setItems((current) => current.map((item) => (changed.has(item.key) ? { ...item, done } : item)));
    setNotice(done ? `${plural(keys.length, "item")} marked done.` : "Marked as not done.");
    window.dispatchEvent(new CustomEvent(INBOX_MARKED_EVENT, { detail: result.value }));
    // The header's count is rendered on the server.
    router.refresh();
  }

  return (
    <>
      <div className="inbox-toolbar">
        <p className="muted" aria-live="polite">
          {open.length === 0 ? "Nothing waits for you." : `${plural(open.length, "open item")}`}
        </p>
        <button
          type="button"
          disabled={busy || open.length === 0}
          onClick={() =>
            void mark(
              open.map((item) => item.key),
              true,
            )
          }
        >
          Mark all done
        </button>
        <label htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            checked={showDone}
            onChange={(event) => setShowDone(event.target.checked)}
          />{" "}
          Show done
        </label>
      </div>
      <p className="claims-sr-only" role="status">
        {notice}
      </p>
      {problem && (
        <div className="form-error" role="alert">
          {problem}
        </div>
      )}
      {shown.length > 0 && (
        <ol className="inbox-list" aria-label="Inbox items">
          {shown.map((item) => (
            <li key={item.key} className={`card inbox-item${item.done ? " is-done" : ""}`}>
              <div>
                <p className="inbox-kind">
                  {INBOX_KIND_LABEL[item.kind]}
                  {item.done ? " · done" : ""}
                </p>
                <p>
                  <Link
                    href={`/articles/${encodeURIComponent(item.claim.articleId)}?claim=${encodeURIComponent(item.claim.id)}`}
                  >
                    {item.claim.articleTitle}
                  </Link>
                  : <q className="inbox-quote">{item.claim.quote}</q>
                </p>
                <p className="muted">
                  {item.from ? `${item.from.name} · ` : ""}
                  <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                </p>
                {item.text && <ReplyText text={item.text} />}
              </div>
              <button
                type="button"
                disabled={busy}
                aria-label={`${item.done ? "Mark not done" : "Mark done"}: ${INBOX_KIND_LABEL[item.kind]} from ${item.from?.name ?? "Factline"}`}
                onClick={() => void mark([item.key], !item.done)}
              >
                {item.done ? "Mark not done" : "Mark done"}
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
