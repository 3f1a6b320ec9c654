import type { PersonRef } from "@/lib/claims/types";

/**
 * One reply as the thread shows it. A deleted reply keeps its place ("Reply deleted") and
 * carries no text.
 */
export interface ReplyView {
  id: string;
  claimId: string;
  author: PersonRef;
  /** null when deleted. */
  text: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

/** `GET /api/annotations/{id}/replies`: oldest first; `count` is the live (not deleted) replies. */
export interface ReplyThread {
  replies: ReplyView[];
  count: number;
}
