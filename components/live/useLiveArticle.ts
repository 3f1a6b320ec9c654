"use client";

import { useEffect, useRef, useState } from "react";
import { announcementOf, type LiveActor, type LiveChangeEvent } from "@/lib/live/events";
import { subscribeLive, type LiveState } from "./connection";

/** How long the connection may be down before the page says "Reconnecting…". */
const RECONNECTING_AFTER_MS = 3_000;

/**
 * The article's live updates (decision 0018): `onChange` runs for every colleague's (or another
 * tab's) change, and with null when the page must catch up (connected again, or the server says
 * it missed something); answers who else reads the article, what to announce, and whether the
 * connection has been down long enough to say so.
 */
export function useLiveArticle(
  articleId: string,
  currentUserId: string,
  onChange: (event: LiveChangeEvent | null) => void,
) {
  const [readers, setReaders] = useState<LiveActor[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [down, setDown] = useState(false);
  const [stopped, setStopped] = useState<string | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    let downTimer: ReturnType<typeof setTimeout> | null = null;
    const onState = (next: LiveState) => {
      if (next.state === "open" || next.state === "stopped") {
        if (downTimer) clearTimeout(downTimer);
        downTimer = null;
        setDown(false);
      } else if (!downTimer) {
        downTimer = setTimeout(() => setDown(true), RECONNECTING_AFTER_MS);
      }
      setStopped(next.state === "stopped" ? next.message : null);
    };
    const unsubscribe = subscribeLive({
      articleId,
      onState,
      onMessage(message) {
        const data = message.data as Record<string, unknown>;
        if (message.event === "ready") {
          if (Array.isArray(data.readers)) setReaders(data.readers as LiveActor[]);
          onChangeRef.current(null);
        } else if (message.event === "sync") {
          onChangeRef.current(null);
        } else if (message.event === "presence") {
          if (Array.isArray(data.readers)) setReaders(data.readers as LiveActor[]);
        } else if (message.event === "change") {
          const change = data as unknown as LiveChangeEvent;
          onChangeRef.current(change);
          if (change.actor.id !== currentUserId) setAnnouncement(announcementOf(change));
        }
      },
    });
    return () => {
      if (downTimer) clearTimeout(downTimer);
      unsubscribe();
    };
  }, [articleId, currentUserId]);

  return { readers, announcement, reconnecting: down, stopped };
}
