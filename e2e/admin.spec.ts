import { SENTENCES, createArticle, createClaim } from "./api-helpers";
import { card, expect, signIn, signInApi, test } from "./fixtures";
import { createUser } from "./factories";

/*
 * The admin's desk, as people use it: an admin adds an editor, who signs in elsewhere; the admin
 * deactivates them and their session stops working; editors never see /admin/users; an admin
 * reassigns a colleague's claim and History says so.
 */

test("an admin adds an editor (password shown once), who signs in; deactivated, their session stops working", async ({
  page,
  browser,
}) => {
  const admin = await createUser("ADMIN");
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Accounts", level: 1 })).toBeVisible();

  const email = `nia-${Date.now()}@example.org`;
  const form = page.getByRole("form", { name: "Add editor" });
  await form.getByLabel("Name").fill("Nia Newcomer");
  await form.getByLabel("Email").fill(email.toUpperCase());
  await expect(form.getByRole("radio", { name: "Generate one" })).toBeChecked();
  await form.getByRole("button", { name: "Add editor" }).click();

  const shown = page.getByRole("status").filter({ hasText: "New password for Nia Newcomer" });
  await expect(shown).toBeVisible();
  const password = (await shown.locator("code").textContent()) ?? "";
  expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
  await expect(shown.getByRole("button", { name: "Copy password" })).toBeVisible();
  const row = page.getByRole("row", { name: /Nia Newcomer/ });
  await expect(row).toContainText(email);
  await expect(row).toContainText("Active");

  // The same address again (in another case): refused with a message, nothing added.
  await form.getByLabel("Name").fill("Nia Twin");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Add editor" }).click();
  await expect(form.getByRole("alert")).toContainText(`There is already an account with the email address ${email}`);
  await expect(page.getByRole("row", { name: /Nia Twin/ })).toHaveCount(0);

  // Shown once: Done forgets it, and a reload does not bring it back.
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText(password)).toHaveCount(0);

  const newcomer = await browser.newContext();
  try {
    const theirPage = await newcomer.newPage();
    await signIn(theirPage, { email, password });
    await expect(theirPage.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

    await row.getByRole("button", { name: "Deactivate Nia Newcomer" }).click();
    await expect(row).toContainText("Deactivated");
    await expect(row.getByRole("button", { name: "Reactivate Nia Newcomer" })).toBeVisible();

    // Their next page load goes to sign-in, and the API answers 401.
    await theirPage.goto("/articles");
    await expect(theirPage).toHaveURL(/\/login/);
    expect((await theirPage.request.get("/api/articles")).status()).toBe(401);
    // And they cannot sign in again.
    await theirPage.getByLabel("Email").fill(email);
    await theirPage.getByLabel("Password").fill(password);
    await theirPage.getByRole("button", { name: "Sign in" }).click();
    await expect(theirPage.getByRole("alert")).toBeVisible();
    await expect(theirPage.getByRole("button", { name: "Sign out", exact: true })).toHaveCount(0);
  } finally {
    await newcomer.close();
  }

  // The admin's own row offers no Deactivate (at least one active admin must remain).
  const own = page.getByRole("row", { name: new RegExp(admin.name) });
  await expect(own.getByRole("button", { name: /^Deactivate/ })).toHaveCount(0);
});

test("an admin resets a password: the new one is shown once and the old one stops working", async ({
  page,
  playwright,
  baseURL,
}) => {
  const [admin, editor] = [await createUser("ADMIN"), await createUser("EDITOR")];
  const client = await playwright.request.newContext({ baseURL });
  try {
    await signInApi(client, editor);
    await signIn(page, admin, "/admin/users");
    const row = page.getByRole("row", { name: new RegExp(editor.name) });
    await row.getByRole("button", { name: `Reset password of ${editor.name}` }).click();
    await row.getByLabel("New password (leave empty to generate one)").fill("short");
    await row.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(row).toContainText("at least 12 characters");
    await row.getByLabel("New password (leave empty to generate one)").fill("");
    await row.getByRole("button", { name: "Reset", exact: true }).click();
    const shown = page.getByRole("status").filter({ hasText: `New password for ${editor.name}` });
    const password = (await shown.locator("code").textContent()) ?? "";
    expect(password).toHaveLength(20);
    expect((await client.get("/api/articles")).status()).toBe(401);
  } finally {
    await client.dispose();
  }
});

test("an editor cannot open /admin/users and sees no Admin link; the API says 403", async ({ page, editor }) => {
  await signIn(page, editor);
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Accounts" })).toHaveCount(0);
  const api = await page.request.get("/api/admin/users");
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: "Only admins manage accounts." });
});

test("an admin reassigns a colleague's claim and History says so", async ({ page, playwright, baseURL }) => {
  const [admin, erin, sam] = [await createUser("ADMIN"), await createUser("EDITOR"), await createUser("EDITOR")];
  const client = await playwright.request.newContext({ baseURL });
  let articleId: string;
  try {
    await signInApi(client, erin);
    const article = await createArticle(client);
    articleId = article.id;
    await createClaim(client, article, SENTENCES.budget, { note: "Erin's note." });
  } finally {
    await client.dispose();
  }

  await signIn(page, admin, `/articles/${articleId}`);
  await page.locator(".ProseMirror").waitFor();
  const claim = card(page, "The city council");
  await claim.getByRole("button", { name: "Show in text" }).click();
  const controls = claim.getByRole("group", { name: "Admin" });
  await controls.getByLabel("Reassign to…").selectOption({ label: sam.name });
  await controls.getByRole("button", { name: "Reassign" }).click();
  await expect(claim).toContainText(sam.name);

  await claim.getByText("History").click();
  await expect(claim.locator(".claim-history")).toContainText(
    `${admin.name} reassigned this claim from ${erin.name} to ${sam.name}`,
  );
  // The admin may delete it too; it leaves the panel.
  await controls.getByRole("button", { name: "Delete claim" }).click();
  await controls.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(card(page, "The city council")).toHaveCount(0);
});
