import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./users";
import { serverConfig } from "./env";
import { clientAddress } from "./request";
import { signInLimiter } from "./sign-in-limits";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./user-sessions";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  secret: serverConfig().nextAuthSecret,
  // Secure, `__Secure-`-named cookies when the public URL is https; lib/server/session-token.ts reads the same name.
  useSecureCookies: serverConfig().https,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // The attempt was already counted (and refused when over the limit) by the route
      // (app/api/auth/[...nextauth]/route.ts): here only a success changes the counters.
      async authorize(credentials, req) {
        const user = await authenticate(credentials);
        if (!user) return null;
        const headers = new Headers(req.headers as Record<string, string> | undefined);
        await signInLimiter().succeeded(credentials?.email, clientAddress({ headers }));
        return { ...user, sessionId: await startSession(user.id, headers.get("user-agent")) };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.id, name: token.name ?? "", email: token.email ?? "", role: token.role };
      return session;
    },
  },
  events: {
    // "Sign out" ends this browser's session on the server too, so a copy of the cookie is refused.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
    },
  },
};
