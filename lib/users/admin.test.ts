import { describe, expect, it } from "vitest";
import {
  accountChangeRefusal,
  canManageAccounts,
  canOverrideClaims,
  LAST_ADMIN_MESSAGE,
  reassignRefusal,
} from "./admin";
import { createAccountSchema, resetPasswordSchema, updateAccountSchema } from "./admin-schemas";

const admin = { id: "admin-1", role: "ADMIN" as const, active: true };
const editor = { id: "editor-1", role: "EDITOR" as const, active: true };

describe("who manages accounts", () => {
  it("is admins only, and only admins override others' claims", () => {
    expect(canManageAccounts("ADMIN")).toBe(true);
    expect(canManageAccounts("EDITOR")).toBe(false);
    expect(canOverrideClaims("ADMIN")).toBe(true);
    expect(canOverrideClaims("EDITOR")).toBe(false);
  });
});

describe("accountChangeRefusal", () => {
  it("refuses deactivating oneself, however many admins there are", () => {
    expect(accountChangeRefusal(admin.id, admin, { active: false }, 5)).toMatch(/your own account/);
  });

  it("refuses deactivating or demoting the last active admin", () => {
    expect(accountChangeRefusal("admin-2", admin, { active: false }, 1)).toBe(LAST_ADMIN_MESSAGE);
    expect(accountChangeRefusal(admin.id, admin, { role: "EDITOR" }, 1)).toBe(LAST_ADMIN_MESSAGE);
    expect(accountChangeRefusal("admin-2", admin, { role: "EDITOR", active: true }, 1)).toBe(LAST_ADMIN_MESSAGE);
  });

  it("allows demoting oneself or another admin while another active admin remains", () => {
    expect(accountChangeRefusal(admin.id, admin, { role: "EDITOR" }, 2)).toBeNull();
    expect(accountChangeRefusal("admin-2", admin, { active: false }, 2)).toBeNull();
  });

  it("allows changes that keep the admins: editors, promotions, reactivation, a deactivated admin", () => {
    expect(accountChangeRefusal(admin.id, editor, { active: false }, 1)).toBeNull();
    expect(accountChangeRefusal(admin.id, editor, { role: "ADMIN" }, 1)).toBeNull();
    expect(accountChangeRefusal(admin.id, admin, { role: "ADMIN", active: true }, 1)).toBeNull();
    expect(
      accountChangeRefusal(admin.id, { ...admin, id: "admin-3", active: false }, { role: "EDITOR" }, 1),
    ).toBeNull();
  });
});

describe("reassignRefusal", () => {
  it("wants an active account other than the author", () => {
    expect(reassignRefusal("a", { id: "b", active: true })).toBeNull();
    expect(reassignRefusal("a", { id: "a", active: true })).toMatch(/already belongs/);
    expect(reassignRefusal("a", { id: "b", active: false })).toMatch(/deactivated/);
    expect(reassignRefusal("a", null)).toMatch(/no such account/);
  });
});

describe("account schemas", () => {
  it("take a new account with a typed password, or none (then one is generated)", () => {
    const typed = createAccountSchema.parse({
      name: "  Erin Editor ",
      email: " Erin@Example.ORG",
      role: "EDITOR",
      password: "a long enough pass",
    });
    expect(typed).toEqual({
      name: "Erin Editor",
      email: "erin@example.org",
      role: "EDITOR",
      password: "a long enough pass",
    });
    expect(
      createAccountSchema.parse({ name: "Erin", email: "e@example.org", role: "ADMIN", password: "" }).password,
    ).toBeUndefined();
    expect(createAccountSchema.parse({ name: "Erin", email: "e@example.org", role: "ADMIN" }).password).toBeUndefined();
  });

  it("refuse short passwords, unknown roles and fields, and empty names with messages of ours", () => {
    const message = (
      input: unknown,
      schema: {
        safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } };
      } = createAccountSchema,
    ) => schema.safeParse(input).error?.issues[0]?.message;
    const base = { name: "Erin", email: "e@example.org", role: "EDITOR" };
    expect(message({ ...base, password: "short" })).toMatch(/at least 12 characters/);
    expect(message({ ...base, role: "OWNER" })).toMatch(/role must be one of: EDITOR, ADMIN/);
    expect(message({ ...base, name: "   " })).toMatch(/Enter the person's name/);
    expect(message({ ...base, email: "nope" })).toMatch(/Enter an email address/);
    expect(message({ ...base, isAdmin: true })).toMatch(/does not know: "isAdmin"/);
    expect(message({}, updateAccountSchema)).toMatch(/Send a new role, or active/);
    expect(message({ active: "no" }, updateAccountSchema)).toMatch(/active is true/);
    expect(message({ password: "short" }, resetPasswordSchema)).toMatch(/at least 12 characters/);
    expect(resetPasswordSchema.parse({})).toEqual({});
  });
});
