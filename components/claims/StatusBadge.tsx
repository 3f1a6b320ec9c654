import { STATUS_INFO, type ClaimStatus } from "@/lib/claims/statuses";
import { statusClass } from "./text";

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`status-badge ${statusClass(status)}`}>{STATUS_INFO[status].label}</span>;
}

/** The colour alone, beside a label that already names the status. */
export function StatusSwatch({ status }: { status: ClaimStatus }) {
  return <span className={`status-swatch ${statusClass(status)}`} aria-hidden="true" />;
}
