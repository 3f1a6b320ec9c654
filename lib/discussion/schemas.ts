import { z } from "zod";
import { multiLineText, objectMessages } from "@/lib/text/fields";

export const MAX_REPLY_LENGTH = 5000;

/** A reply's text: what the reply box and the API check alike (trimmed, 1–5,000 characters). */
export const replyText = multiLineText("The reply")
  .trim()
  .min(1, "Write something before posting the reply.")
  .max(MAX_REPLY_LENGTH, "A reply can have at most 5,000 characters: shorten it or split it into two replies.");

/** POST /api/annotations/{id}/replies and PATCH /api/replies/{id}. */
export const replySchema = z.object({ text: replyText }, objectMessages("The reply")).strict();
export type ReplyInput = z.infer<typeof replySchema>;
