"use client";

import { alsoReading } from "@/lib/live/presence";
import type { LiveActor } from "@/lib/live/events";

interface Props {
  readers: readonly LiveActor[];
  currentUserId: string;
  /** The latest colleague's change, said politely ("Sam Second marked a claim"). */
  announcement: string;
  reconnecting: boolean;
  /** Why live updates stopped (signed out, too many tabs), when they did. */
  stopped: string | null;
}

/** Above the article: who else has it open, the latest colleague's change, and the connection's trouble. */
export function LiveBar({ readers, currentUserId, announcement, reconnecting, stopped }: Props) {
  const others = alsoReading(readers, currentUserId);
  return (
    <div className="live-bar">
      <p className="live-readers" aria-live="polite">
        {others}
      </p>
      <p className="live-announcement" role="status" aria-live="polite">
        {announcement}
      </p>
      {(reconnecting || stopped) && (
        <p className="live-trouble" role="status">
          {stopped ?? "Reconnecting…"}
        </p>
      )}
    </div>
  );
}
