import type { InboxAnswer } from "@/lib/inbox/items";
import { call, type ApiResult } from "@/components/claims/api";

/** Marks inbox items done, or open again. */
export function postInboxDone(keys: string[], done: boolean): Promise<ApiResult<InboxAnswer>> {
  return call("/api/inbox/done", { method: "POST", body: JSON.stringify({ keys, done }) });
}

/** The whole inbox, done items included (the header's count and the inbox page, kept live). */
export function fetchInbox(): Promise<ApiResult<InboxAnswer>> {
  return call("/api/inbox?done=include", { method: "GET" });
}

/** Sent on window when a live hint made the header read the inbox again: the inbox page follows. */
export const INBOX_CHANGED_EVENT = "factline:inbox";

/** Sent on window by the inbox page with the answer of its own Mark done: the header's count, at once. */
export const INBOX_MARKED_EVENT = "factline:inbox-marked";
