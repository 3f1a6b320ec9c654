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

/** The shortest new password: long enough to resist guessing even where the throttle cannot help. */
export const MIN_PASSWORD_LENGTH = 12;

/** Changing one's password on the profile page: the form and the route share this schema. */
export const changePasswordSchema = z
  .object({
    currentPassword: wellFormedText("The current password").min(1, "Enter your current password.").max(200),
    newPassword: wellFormedText("The new password")
      .min(MIN_PASSWORD_LENGTH, `Choose a new password of at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(200, "Choose a new password of at most 200 characters."),
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "The new password is the same as the current one: choose another.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
