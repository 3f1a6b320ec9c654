import type { ClaimStatus } from "./statuses";
import type { EventKind } from "./history";

/** A claim as the API returns it and the panel shows it. Dates are ISO strings. */
export interface ClaimView {
  id: string;
  articleId: string;
  author: PersonRef;
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
  status: ClaimStatus;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  sources: SourceView[];
  history: ClaimEventView[];
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface SourceView {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  addedBy: PersonRef;
  createdAt: string;
}

export interface ClaimEventView {
  id: string;
  kind: EventKind;
  actor: PersonRef;
  from: string | null;
  to: string | null;
  at: string;
}
