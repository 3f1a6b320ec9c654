import type { Browser } from "@playwright/test";
import { E2E_SECOND_PORT } from "./env";
import { expect, signIn, signInApi, test } from "./fixtures";

async function signedInPage(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

test("a session cookie copied before sign-out is refused after it", async ({ page, playwright, editor, baseURL }) => {
  await signIn(page, editor);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session, "a session cookie after sign-in").toBeDefined();
  const copyAt = (url: string | undefined) =>
    playwright.request.newContext({ baseURL: url, extraHTTPHeaders: { cookie: `${session!.name}=${session!.value}` } });
  const replay = await copyAt(baseURL);
  // With two instances on one database (npm test on PostgreSQL), the other instance refuses the copy too.
  const elsewhere = E2E_SECOND_PORT ? await copyAt(`http://localhost:${E2E_SECOND_PORT}`) : null;
  try {
    expect((await replay.get("/api/articles")).status()).toBe(200);
    if (elsewhere) expect((await elsewhere.get("/api/articles")).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    const refused = await replay.get("/api/articles");
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({ error: expect.stringContaining("Sign in") });
    if (elsewhere) expect((await elsewhere.get("/api/articles")).status()).toBe(401);
    // And pages: the copy is sent to the sign-in page.
    const visit = await replay.get("/articles", { maxRedirects: 0 });
    expect(visit.status()).toBeGreaterThanOrEqual(300);
    expect(visit.status()).toBeLessThan(400);
  } finally {
    await replay.dispose();
    await elsewhere?.dispose();
  }
});

test("the profile shows the account and its sessions; Sign out everywhere ends the other browser's session too", async ({ page, browser, editor }) => {
  const other = await signedInPage(browser, editor);
  try {
    await signIn(page, editor);
    await page.getByRole("link", { name: editor.name, exact: true }).click();
    await expect(page.getByRole("heading", { name: "Your profile", level: 1 })).toBeVisible();
    const account = page.getByRole("region", { name: "Account" });
    await expect(account).toContainText(editor.name);
    await expect(account).toContainText(editor.email);
    await expect(account).toContainText("Editor");
    const sessions = page.getByRole("region", { name: "Signed-in sessions" }).getByRole("row");
    await expect(sessions).toHaveCount(3); // header and two sessions
    await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
    await expect(sessions.filter({ hasText: "This device" })).toContainText("Chrome on");

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("status")).toHaveText("You are signed out on every device.");

    // The other browser is signed out at once: its next page goes to sign-in, its API calls get 401.
    await other.page.goto("/articles");
    await expect(other.page).toHaveURL(/\/login/);
    expect((await other.page.request.get("/api/articles")).status()).toBe(401);
    expect((await page.request.get("/api/articles")).status()).toBe(401);
  } finally {
    await other.context.close();
  }
});

test("changing the password needs the current one, ends every session and the new one signs in", async ({ page, browser, editor }) => {
  const other = await signedInPage(browser, editor);
  try {
    await signIn(page, editor);
    await page.goto("/profile");
    const form = page.getByRole("region", { name: "Change password" });
    await form.getByLabel("Current password").fill(editor.password);
    await form.getByLabel("New password").fill("too short");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("Choose a new password of at least 12 characters.")).toBeVisible();

    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password").fill("a long enough new passphrase");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("alert")).toHaveText("The current password is not right.");

    await form.getByLabel("Current password").fill(editor.password);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password is changed");
    expect((await other.page.request.get("/api/articles")).status()).toBe(401);

    await signIn(page, { email: editor.email, password: "a long enough new passphrase" });
  } finally {
    await other.context.close();
  }
});

test("the password route checks its input on the server too, needs a session and is throttled like sign-in", async ({ playwright, baseURL, editor }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const client = await playwright.request.newContext({ baseURL });
  try {
    expect((await anonymous.post("/api/profile/password", { data: { currentPassword: "x", newPassword: "y".repeat(12) } })).status()).toBe(401);
    expect((await anonymous.post("/api/profile/sign-out-everywhere")).status()).toBe(401);

    await signInApi(client, editor);
    const short = await client.post("/api/profile/password", { data: { currentPassword: editor.password, newPassword: "short" } });
    expect(short.status()).toBe(422);
    expect(await short.json()).toMatchObject({ error: "newPassword: Choose a new password of at least 12 characters." });
    const wrong = await client.post("/api/profile/password", { data: { currentPassword: "not it", newPassword: "y".repeat(12) } });
    expect(wrong.status()).toBe(422);
    expect(await wrong.json()).toMatchObject({ error: "The current password is not right." });
    // Refused changes leave the session and the password as they were.
    expect((await client.get("/api/articles")).status()).toBe(200);

    // The current password is guarded like sign-in: ten wrong ones (with the one above), then 429 even for the right one.
    for (let attempt = 2; attempt <= 10; attempt++) {
      expect((await client.post("/api/profile/password", { data: { currentPassword: `guess ${attempt}`, newPassword: "y".repeat(12) } })).status()).toBe(422);
    }
    const limited = await client.post("/api/profile/password", { data: { currentPassword: editor.password, newPassword: "y".repeat(12) } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(14 * 60);
    expect(await limited.json()).toEqual({ error: "Too many sign-in attempts. Try again in 15 minutes." });
  } finally {
    await anonymous.dispose();
    await client.dispose();
  }
});
