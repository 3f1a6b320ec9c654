import { describeEvent } from "@/lib/claims/history";
import type { ClaimEventView } from "@/lib/claims/types";
import { formatDateTime } from "@/lib/format";

export function ClaimHistory({ history }: { history: ClaimEventView[] }) {
  // Reversed before the stable sort, so events sharing a timestamp also come out newest first.
  const newestFirst = [...history].reverse().sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <details className="claim-history">
      <summary>History ({history.length})</summary>
      <ol>
        {newestFirst.map((event) => (
          <li key={event.id}>
            {event.actor.name} {describeEvent(event)} · <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          </li>
        ))}
      </ol>
    </details>
  );
}
