import "server-only";
import { signInSchema } from "@/lib/users/schemas";
import { verifyPassword } from "@/lib/users/password";
import { isRole } from "@/lib/users/roles";
import { db } from "./db";
import type { SessionUser } from "./session";

// Compared against when the email is unknown, so both failures take the same time.
const NO_SUCH_USER_HASH = "$2b$10$bposlkmxF5neUZyh.v1Zy.zZemDuYnOJvkuCg6xT3E/2RRjCnv2KK";

/**
 * The user these credentials sign in, or null: an unknown email and a wrong password look the
 * same. The password hash is read for the check and never leaves this function.
 */
export async function authenticate(credentials: unknown): Promise<SessionUser | null> {
  const input = signInSchema.safeParse(credentials);
  if (!input.success) return null;
  const user = await db.user.findUnique({
    where: { email: input.data.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(input.data.password, user?.passwordHash ?? NO_SUCH_USER_HASH);
  if (!user || !ok || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
