import type { InboxAnswer } from "@/lib/inbox/items";
import { call, type ApiResult } from "@/components/claims/api";

/** Marks inbox items done, or open again. */
export function postInboxDone(keys: string[], done: boolean): Promise<ApiResult<InboxAnswer>> {
  return call("/api/inbox/done", { method: "POST", body: JSON.stringify({ keys, done }) });
}
