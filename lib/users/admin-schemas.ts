import { z } from "zod";
import { objectMessages, singleLineText, wellFormedText } from "@/lib/text/fields";
import { ROLES } from "./roles";
import { MIN_PASSWORD_LENGTH, signInSchema } from "./schemas";

/*
 * The admin's inputs on /admin/users: the forms and the routes under /api/admin/users share these.
 * A password left out (or empty) means "generate one": the server makes it and shows it once.
 */

const roleSchema = z.enum(ROLES, { error: `role must be one of: ${ROLES.join(", ")}.` });

/** A typed initial or reset password: the profile's rule for new passwords (at least 12 characters). */
const typedPassword = wellFormedText("The password")
  .min(
    MIN_PASSWORD_LENGTH,
    `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters, or let Factline generate one.`,
  )
  .max(200, "Choose a password of at most 200 characters.");

/** "" from a form whose "Generate one" is chosen is the same as leaving the password out. */
const optionalPassword = z.preprocess((value) => (value === "" ? undefined : value), typedPassword.optional());

/** POST /api/admin/users: a new account. */
export const createAccountSchema = z
  .object(
    {
      name: singleLineText("The name")
        .min(1, "Enter the person's name.")
        .max(200, "The name is longer than 200 characters."),
      email: signInSchema.shape.email,
      role: roleSchema,
      password: optionalPassword,
    },
    objectMessages("The account"),
  )
  .strict();
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

/** PATCH /api/admin/users/{id}: a new role, or active false (deactivate) / true (reactivate). */
export const updateAccountSchema = z
  .object(
    {
      role: roleSchema.optional(),
      active: z.boolean({ error: "active is true (reactivate) or false (deactivate)." }).optional(),
    },
    objectMessages("The change"),
  )
  .strict()
  .refine((input) => input.role !== undefined || input.active !== undefined, {
    message: "Send a new role, or active: true or false.",
  });
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

/** POST /api/admin/users/{id}/password: a typed new password, or none to generate one. */
export const resetPasswordSchema = z.object({ password: optionalPassword }, objectMessages("The reset")).strict();
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
