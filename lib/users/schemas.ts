import { z } from "zod";
import { wellFormedText } from "@/lib/text/fields";

/**
 * Sign-in. The password is only required to be well-formed (an unpaired surrogate would be
 * hashed as U+FFFD and match another password); it is never cleaned: it is a secret, not text.
 */
export const signInSchema = z.object({
  email: wellFormedText("The email address")
    .trim()
    .toLowerCase()
    .email("Enter an email address.")
    .max(320, "The email address is longer than 320 characters."),
  password: wellFormedText("The password")
    .min(1, "Enter your password.")
    .max(200, "The password is longer than 200 characters."),
});
export type SignInInput = z.infer<typeof signInSchema>;
