import type { Role } from "@/lib/users/roles";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    /** The UserSession row made at sign-in (lib/server/user-sessions.ts). */
    sessionId: string;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    /** The UserSession row this cookie stands for: checked on every request, deleted at sign-out. */
    sid: string;
  }
}
