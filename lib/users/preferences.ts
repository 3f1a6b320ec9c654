import { z } from "zod";
import { objectMessages } from "@/lib/text/fields";

/** PATCH /api/profile/preferences: the preferences to change (the page's "Suggest claims" toggle). */
export const preferencesSchema = z
  .object(
    {
      suggestClaims: z.boolean({ error: "suggestClaims is true or false." }).optional(),
    },
    objectMessages("The preferences"),
  )
  .strict()
  .refine((input) => Object.keys(input).length > 0, {
    message: "Name a preference to change: suggestClaims (true or false).",
  });
export type PreferencesInput = z.infer<typeof preferencesSchema>;
