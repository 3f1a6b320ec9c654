import { z } from "zod";
import { objectMessages } from "@/lib/text/fields";

/** POST /api/suggestions/{id}/dismiss: no fields (an empty object or no body at all). */
export const dismissSuggestionSchema = z.object({}, objectMessages("The request")).strict();

/** `?unchecked=1` on the report: include "Check-worthy sentences not checked" (off by default). */
export const uncheckedParamSchema = z
  .enum(["1", "0", "true", "false", ""], {
    error: "unchecked is 1 (include the check-worthy sentences not checked) or 0.",
  })
  .optional()
  .transform((value) => value === "1" || value === "true");
