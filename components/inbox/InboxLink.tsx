"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { subscribeLive } from "@/components/live/connection";
import type { InboxAnswer } from "@/lib/inbox/items";
import { INBOX_CHANGED_EVENT, fetchInbox } from "./api";

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

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let connectedBefore = false;
    const read = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void fetchInbox().then((result) => {
          if (!result.ok || !result.value) return;
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
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, []);

  return (
    <Link href="/inbox" title={`${count} open ${count === 1 ? "item" : "items"} in your inbox`}>
      Inbox ({count})
    </Link>
  );
}
