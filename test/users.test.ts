/** lib/server/users.ts (sign-in) against a real database (DATABASE_URL from the project's setup). */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { authenticate } from "@/lib/server/users";
import { createUser } from "./factories";

describe("signing in", () => {
  it("finds the editor by email, whatever its case, and hands back no password hash", async () => {
    const editor = await createUser(db, { role: "ADMIN", withPassword: true });
    const user = await authenticate({ email: `  ${editor.email.toUpperCase()} `, password: editor.password });
    expect(user).toEqual({ id: editor.id, email: editor.email, name: editor.name, role: "ADMIN" });
  });

  it("answers a wrong password, an unknown email and unreadable input the same way: no user", async () => {
    const editor = await createUser(db, { withPassword: true });
    expect(await authenticate({ email: editor.email, password: `${editor.password}x` })).toBeNull();
    expect(await authenticate({ email: `nobody-${editor.email}`, password: editor.password })).toBeNull();
    expect(await authenticate({ email: "not an email", password: "x" })).toBeNull();
    expect(await authenticate(undefined)).toBeNull();
  });
});
