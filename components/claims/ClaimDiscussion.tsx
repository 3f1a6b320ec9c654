"use client";

import { useEffect, useId, useState } from "react";
import type { ReplyView } from "@/lib/discussion/types";
import { formatDateTime } from "@/lib/format";
import { fetchReplies, patchReply, postReply, removeReply, type ApiResult } from "./api";
import { ReplyBox } from "./ReplyBox";
import { ReplyText } from "./ReplyText";

interface Props {
  claimId: string;
  /** Live replies, from the claim's summary: the button's count before the thread is loaded. */
  count: number;
  currentUserId: string;
  /** Opened with the page (a link from the inbox). */
  initiallyOpen?: boolean;
  /** After a post or delete here, with the thread's new count (the list's summary follows). */
  onCount(claimId: string, count: number): void;
}

/**
 * A claim's Discussion (N) disclosure: the thread (loaded when opened, and again when the count
 * the list knows moves on), a reply box, Edit and Delete on one's own replies.
 */
export function ClaimDiscussion({ claimId, count, currentUserId, initiallyOpen = false, onCount }: Props) {
  const regionId = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const [replies, setReplies] = useState<ReplyView[] | null>(null);
  const [loadedCount, setLoadedCount] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  // Loaded when opened, and again when the list's count moves on (a colleague's reply seen in the feed).
  const stale = replies === null || loadedCount !== count;
  useEffect(() => {
    if (!open || !stale) return;
    let cancelled = false;
    void fetchReplies(claimId).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setReplies(result.value.replies);
        setLoadedCount(result.value.count);
        setProblem(null);
      } else setProblem(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [open, stale, count, claimId]);

  const shownCount = loadedCount ?? count;

  async function send<T>(request: () => Promise<ApiResult<T>>, onOk: (value: T) => void, said: string) {
    setBusy(true);
    setNotice("");
    const result = await request();
    setBusy(false);
    if (!result.ok) {
      setProblem(result.message);
      return false;
    }
    setProblem(null);
    onOk(result.value);
    setNotice(said);
    return true;
  }

  function counted(next: ReplyView[]) {
    const live = next.filter((reply) => !reply.deleted).length;
    setReplies(next);
    setLoadedCount(live);
    onCount(claimId, live);
  }

  const post = (text: string) =>
    send(() => postReply(claimId, { text }), (reply) => counted([...(replies ?? []), reply]), "Reply posted.");
  const save = (id: string, text: string) =>
    send(
      () => patchReply(id, { text }),
      (reply) => {
        setReplies((current) => current?.map((r) => (r.id === id ? reply : r)) ?? null);
        setEditing(null);
      },
      "Reply saved.",
    );
  const remove = (id: string) =>
    send(
      () => removeReply(id),
      () => {
        setConfirming(null);
        counted(
          (replies ?? []).map((r) => (r.id === id ? { ...r, deleted: true, text: null } : r)),
        );
      },
      "Reply deleted.",
    );

  return (
    <div className="claim-discussion">
      <button
        type="button"
        className="claim-discussion-toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((value) => !value)}
      >
        Discussion ({shownCount})
      </button>
      <p className="claims-sr-only" role="status">
        {notice}
      </p>
      {open && (
        <div id={regionId} className="claim-discussion-body">
          {problem && (
            <div className="form-error claim-problem" role="alert">
              <p>{problem}</p>
            </div>
          )}
          {replies === null ? (
            !problem && (
              <p className="muted claim-loading" role="status">
                Loading…
              </p>
            )
          ) : replies.length === 0 ? (
            <p className="muted claim-empty-line">No replies yet.</p>
          ) : (
            <ol className="reply-list" aria-label="Replies">
              {replies.map((reply) => (
                <li key={reply.id} className={`reply${reply.deleted ? " is-deleted" : ""}`}>
                  {reply.deleted ? (
                    <p className="muted reply-deleted">Reply deleted</p>
                  ) : (
                    <>
                      <p className="reply-meta">
                        <span className="claim-author">{reply.author.name}</span> ·{" "}
                        <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt)}</time>
                        {reply.editedAt && (
                          <span className="muted" title={`Edited ${formatDateTime(reply.editedAt)}`}>
                            {" "}
                            · edited
                          </span>
                        )}
                      </p>
                      {editing === reply.id ? (
                        <ReplyBox
                          label="Edit your reply"
                          submitLabel="Save reply"
                          initialText={reply.text ?? ""}
                          busy={busy}
                          autoFocus
                          onSubmit={(text) => save(reply.id, text)}
                          onCancel={() => setEditing(null)}
                        />
                      ) : (
                        <ReplyText text={reply.text ?? ""} />
                      )}
                      {reply.author.id === currentUserId && editing !== reply.id && (
                        <div className="claim-actions reply-actions">
                          {confirming === reply.id ? (
                            <>
                              <span>Delete this reply?</span>
                              <button type="button" disabled={busy} onClick={() => void remove(reply.id)}>
                                Delete reply
                              </button>
                              <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
                                Keep it
                              </button>
                            </>
                          ) : (
                            <>
                              <button type="button" className="claim-small-button" onClick={() => setEditing(reply.id)}>
                                Edit
                              </button>
                              <button type="button" className="claim-small-button" onClick={() => setConfirming(reply.id)}>
                                Delete
                              </button>
                            </>
                          )}
                        </div>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
          <ReplyBox label="Your reply" submitLabel="Post reply" busy={busy} onSubmit={post} />
        </div>
      )}
    </div>
  );
}
