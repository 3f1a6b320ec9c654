import { STATUSES, STATUS_INFO, type ClaimStatus } from "@/lib/claims/statuses";
import { StatusSwatch } from "./StatusBadge";

/** How the highlights in the text read, with how many claims each status has (per the editor filter). */
export function StatusLegend({ counts }: { counts: Record<ClaimStatus, number> }) {
  return (
    <div className="claims-legend">
      <ul aria-label="Claims by status">
        {STATUSES.map((status) => (
          <li key={status} className={counts[status] === 0 ? "is-zero" : undefined}>
            <StatusSwatch status={status} />
            {STATUS_INFO[status].label} <span className="claims-legend-count">{counts[status]}</span>
          </li>
        ))}
      </ul>
      <p>
        Highlight colour = status; <span className="claims-legend-line is-own">solid underline</span> = yours,{" "}
        <span className="claims-legend-line">dashed</span> = {"colleagues'"}.
      </p>
    </div>
  );
}
