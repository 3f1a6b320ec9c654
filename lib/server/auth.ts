import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/users/schemas";
import { verifyPassword } from "@/lib/users/password";
import { isRole } from "@/lib/users/roles";
import { db } from "./db";
import { serverConfig } from "./env";

// Compared against when the email is unknown, so both failures take the same time.
const NO_SUCH_USER_HASH = "$2b$10$bposlkmxF5neUZyh.v1Zy.zZemDuYnOJvkuCg6xT3E/2RRjCnv2KK";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  secret: serverConfig().nextAuthSecret,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const input = signInSchema.safeParse(credentials);
        if (!input.success) return null;
        const user = await db.user.findUnique({
          where: { email: input.data.email },
          select: { id: true, email: true, name: true, role: true, passwordHash: true },
        });
        const ok = await verifyPassword(input.data.password, user?.passwordHash ?? NO_SUCH_USER_HASH);
        if (!user || !ok || !isRole(user.role)) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.id, name: token.name ?? "", email: token.email ?? "", role: token.role };
      return session;
    },
  },
};
