"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { subscribeLive } from "@/components/live/connection";
import type { InboxAnswer } from "@/lib/inbox/items";
import { INBOX_CHANGED_EVENT, INBOX_MARKED_EVENT, fetchInbox } from "./api";

// A burst of hints (a colleague rating several claims) reads the inbox once.
const DEBOUNCE_MS = 400;

/**
 * "Inbox (N)" in the header, kept live (decision 0018): the server hints when a change may alter
 * this editor's inbox, and only then is the inbox read (once per burst); the inbox page, when
 * open, takes the same answer.
 */
export function InboxLink({ initialCount }: { initialCount: number }) {
  const [count, setCount] = useState(initialCount);
  // A server render (router.refresh after Mark done) brings a newer count.
  const [rendered, setRendered] = useState(initialCount);
  if (rendered !== initialCount) {
    setRendered(initialCount);
    setCount(initialCount);
  }
  // Moves on with every newer count from elsewhere (a server render, the inbox page's own marking):
  // a read begun before it answers what was true before, and is dropped.
  const newer = useRef(0);
  useEffect(() => {
    newer.current++;
  }, [initialCount]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let connectedBefore = false;
    const read = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const asOf = newer.current;
        void fetchInbox().then((result) => {
          if (!result.ok || !result.value || asOf !== newer.current) return;
          setCount(result.value.open);
          window.dispatchEvent(new CustomEvent<InboxAnswer>(INBOX_CHANGED_EVENT, { detail: result.value }));
        });
      }, DEBOUNCE_MS);
    };
    const unsubscribe = subscribeLive({
      articleId: null,
      onMessage(message) {
        if (message.event === "inbox") read();
        // Connected again after a drop: whatever changed meanwhile.
        else if (message.event === "ready") {
          if (connectedBefore) read();
          connectedBefore = true;
        }
      },
    });
    const onMarked = (event: Event) => {
      const answer = (event as CustomEvent<InboxAnswer>).detail;
      newer.current++;
      if (timer) clearTimeout(timer);
      if (typeof answer?.open === "number") setCount(answer.open);
    };
    window.addEventListener(INBOX_MARKED_EVENT, onMarked);
    return () => {
      if (timer) clearTimeout(timer);
      window.removeEventListener(INBOX_MARKED_EVENT, onMarked);
      unsubscribe();
    };
  }, []);

  return (
    <Link href="/inbox" title={`${count} open ${count === 1 ? "item" : "items"} in your inbox`}>
      Inbox ({count})
    </Link>
  );
}
