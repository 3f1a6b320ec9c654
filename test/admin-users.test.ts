/**
 * lib/server/admin-users.ts and the admin's powers over claims (lib/server/claim-writes.ts, claim-reassign.ts) against a
 * real database: what an admin and the people they manage would notice.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createAccount, listAccounts, resetPassword, updateAccount } from "@/lib/server/admin-users";
import { getClaimDetails, getClaimHistory } from "@/lib/server/claim-details";
import { reassignClaim } from "@/lib/server/claim-reassign";
import { createClaim, deleteClaim } from "@/lib/server/claim-writes";
import { activeSession, startSession } from "@/lib/server/user-sessions";
import { authenticate } from "@/lib/server/users";
import { Problem } from "@/lib/errors";
import { createArticle, createUser, sessionOf } from "./factories";

type Session = ReturnType<typeof sessionOf>;
let admin: Session;
let erin: Session;

beforeEach(async () => {
  admin = sessionOf(await createUser(db, { role: "ADMIN", name: "Ada Admin" }));
  erin = sessionOf(await createUser(db, { name: "Erin Editor" }));
});

async function problemOf(work: () => Promise<unknown>): Promise<Problem> {
  try {
    await work();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error("expected a Problem");
}

const uniqueEmail = () => `new-${Math.random().toString(36).slice(2)}@example.org`;

describe("accounts", () => {
  it("an admin adds an editor with a generated password, shown once, who can then sign in", async () => {
    const email = uniqueEmail();
    const { account, generatedPassword } = await createAccount(admin, { name: "Nia New", email, role: "EDITOR" });
    expect(account).toMatchObject({ name: "Nia New", email, role: "EDITOR", active: true, lastSeenAt: null });
    expect(generatedPassword).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(await authenticate({ email, password: generatedPassword })).toMatchObject({
      id: account.id,
      role: "EDITOR",
    });

    const listed = await listAccounts(admin);
    expect(listed.find((row) => row.id === account.id)).toEqual(account);
    expect(JSON.stringify(listed)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("takes a typed password and hands none back; refuses a taken email whatever its case", async () => {
    const email = uniqueEmail();
    const created = await createAccount(admin, {
      name: "Tom Typed",
      email,
      role: "ADMIN",
      password: "typed by the admin",
    });
    expect(created.generatedPassword).toBeUndefined();
    expect(await authenticate({ email, password: "typed by the admin" })).toMatchObject({ role: "ADMIN" });

    // The schema lower-cases addresses; the check compares the stored, lower-cased ones.
    const again = await problemOf(() => createAccount(admin, { name: "Twin", email, role: "EDITOR" }));
    expect(again.kind).toBe("conflict");
    expect(again.message).toContain(email);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("only admins manage accounts", async () => {
    expect((await problemOf(() => listAccounts(erin))).kind).toBe("forbidden");
    expect((await problemOf(() => createAccount(erin, { name: "X", email: uniqueEmail(), role: "ADMIN" }))).kind).toBe(
      "forbidden",
    );
    expect((await problemOf(() => updateAccount(erin, admin.id, { active: false }))).kind).toBe("forbidden");
    expect((await problemOf(() => resetPassword(erin, admin.id, undefined))).kind).toBe("forbidden");
  });

  it("deactivated: cannot sign in (authenticate returns null), session check fails; reactivated: signs in again", async () => {
    const nia = await createUser(db, { name: "Nia", withPassword: true });
    const sid = await startSession(nia.id, "a browser");
    expect(await activeSession(sid, nia.id)).toBe(true);

    expect(await updateAccount(admin, nia.id, { active: false })).toMatchObject({ active: false });
    expect(await authenticate({ email: nia.email, password: nia.password })).toBeNull();
    expect(await activeSession(sid, nia.id)).toBe(false);

    expect(await updateAccount(admin, nia.id, { active: true })).toMatchObject({ active: true });
    expect(await authenticate({ email: nia.email, password: nia.password })).toMatchObject({ id: nia.id });
  });

  it("a new role ends the person's sessions, so they sign in again with it", async () => {
    const sid = await startSession(erin.id, "a browser");
    expect(await updateAccount(admin, erin.id, { role: "ADMIN" })).toMatchObject({ role: "ADMIN", active: true });
    expect(await activeSession(sid, erin.id)).toBe(false);
  });

  it("last admin cannot be deactivated or demoted; an admin cannot deactivate themself", async () => {
    // This file's other tests made admins: only `admin` stays active.
    await db.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { deactivatedAt: new Date() } });
    const other = sessionOf(await createUser(db, { role: "ADMIN", name: "Otto Other" }));

    const self = await problemOf(() => updateAccount(admin, admin.id, { active: false }));
    expect(self.kind).toBe("invalid");
    expect(self.message).toMatch(/your own account/);

    // Two active admins: one may step down (demote themself); then the other is the last.
    expect(await updateAccount(other, other.id, { role: "EDITOR" })).toMatchObject({ role: "EDITOR" });
    const last = await problemOf(() => updateAccount(admin, admin.id, { role: "EDITOR" }));
    expect(last.message).toMatch(/At least one active admin must remain/);
    expect(
      await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, deactivatedAt: true } }),
    ).toEqual({
      role: "ADMIN",
      deactivatedAt: null,
    });
  });

  it("a reset password replaces the old one and ends every session; 404 for no such account", async () => {
    const nia = await createUser(db, { name: "Nia", withPassword: true });
    const sid = await startSession(nia.id, "a browser");
    const { generatedPassword } = await resetPassword(admin, nia.id, undefined);
    expect(generatedPassword).toHaveLength(20);
    expect(await authenticate({ email: nia.email, password: nia.password })).toBeNull();
    expect(await authenticate({ email: nia.email, password: generatedPassword })).toMatchObject({ id: nia.id });
    expect(await activeSession(sid, nia.id)).toBe(false);

    expect(await resetPassword(admin, nia.id, "typed by the admin")).toEqual({});
    expect(await authenticate({ email: nia.email, password: "typed by the admin" })).toMatchObject({ id: nia.id });
    expect((await problemOf(() => resetPassword(admin, "cnotanaccount000000000000", undefined))).kind).toBe(
      "not_found",
    );
  });
});

describe("an admin's powers over claims", () => {
  const SENTENCE = "The city council approved a budget of 4.2 million euros on Tuesday.";

  async function erinsClaim() {
    const article = await createArticle(db, erin.id, { paragraphs: [SENTENCE] });
    return createClaim(erin, article.id, {
      position: { start: 0, end: SENTENCE.length },
      quote: { exact: SENTENCE, prefix: "", suffix: "" },
    });
  }

  it("an admin reassigns a claim to an active editor, and History names the admin, from and to", async () => {
    const sam = sessionOf(await createUser(db, { name: "Sam Second" }));
    const claim = await erinsClaim();
    const answer = await reassignClaim(admin, claim.id, { version: claim.version, authorId: sam.id });
    expect(answer.author).toEqual({ id: sam.id, name: "Sam Second" });
    expect((await getClaimDetails(claim.id)).author).toEqual({ id: sam.id, name: "Sam Second" });
    const last = (await getClaimHistory(claim.id)).at(-1);
    expect(last).toMatchObject({
      kind: "reassigned",
      actor: { id: admin.id, name: "Ada Admin" },
      from: "Erin Editor",
      to: "Sam Second",
    });

    // A stale version, a deactivated target, an editor: refused, nothing changes.
    expect(
      (await problemOf(() => reassignClaim(admin, claim.id, { version: claim.version, authorId: erin.id }))).kind,
    ).toBe("conflict");
    await updateAccount(admin, erin.id, { active: false });
    const toInactive = await problemOf(() =>
      reassignClaim(admin, claim.id, { version: answer.version, authorId: erin.id }),
    );
    expect(toInactive.message).toMatch(/deactivated/);
    expect(
      (await problemOf(() => reassignClaim(sam, claim.id, { version: answer.version, authorId: admin.id }))).kind,
    ).toBe("forbidden");
    expect((await getClaimDetails(claim.id)).version).toBe(answer.version);
  });

  it("an admin deletes another editor's claim (History says who); another editor still cannot", async () => {
    const sam = sessionOf(await createUser(db, { name: "Sam Second" }));
    const claim = await erinsClaim();
    expect((await problemOf(() => deleteClaim(sam, claim.id, claim.version))).kind).toBe("forbidden");
    await deleteClaim(admin, claim.id, claim.version);
    expect((await problemOf(() => getClaimDetails(claim.id))).kind).toBe("not_found");
    const events = await db.claimEvent.findMany({
      where: { claimId: claim.id, kind: "deleted" },
      select: { actorId: true },
    });
    expect(events).toEqual([{ actorId: admin.id }]);
  });

  it("a deactivated editor's claims keep their name", async () => {
    const claim = await erinsClaim();
    await updateAccount(admin, erin.id, { active: false });
    expect((await getClaimDetails(claim.id)).author).toEqual({ id: erin.id, name: "Erin Editor" });
  });
});

describe("a session started while the account was being deactivated", () => {
  it("does not work: the per-request check reads the account's deactivation too", async () => {
    const admin2 = sessionOf(await createUser(db, { role: "ADMIN" }));
    const nia = await createUser(db, { name: "Nia" });
    await updateAccount(admin2, nia.id, { active: false });
    // As if authorize had checked the password just before the deactivation committed.
    const sid = await startSession(nia.id, "a browser");
    expect(await activeSession(sid, nia.id)).toBe(false);
  });
});
