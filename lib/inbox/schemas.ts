import { z } from "zod";
import { listMessage, objectMessages, singleLineText } from "@/lib/text/fields";

/** POST /api/inbox/done: the keys of the items to mark done (as GET /api/inbox lists them). */
export const inboxDoneSchema = z
  .object(
    {
      keys: z
        .array(
          singleLineText("An item key")
            .min(1, "An item key is empty: send the keys as GET /api/inbox lists them.")
            .max(200, "An item key is longer than 200 characters: send the keys as GET /api/inbox lists them."),
          { error: listMessage("keys (the items to mark done)") },
        )
        .min(1, "Name at least one item to mark done.")
        .max(500, "Mark at most 500 items done at a time."),
      /** false marks them open again. */
      done: z.boolean({ error: "done is true or false." }).optional(),
    },
    objectMessages("The request"),
  )
  .strict();
export type InboxDoneInput = z.infer<typeof inboxDoneSchema>;
