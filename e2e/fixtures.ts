import { test as base, expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { createSampleArticle, createUser, type TestUser } from "./factories";

export async function signIn(page: Page, user: { email: string; password: string }, path = "/articles") {
  await page.goto(path);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}

export const test = base.extend<{ editor: TestUser; article: { id: string; title: string } }>({
  editor: async ({}, use) => {
    await use(await createUser("EDITOR"));
  },
  article: async ({ editor }, use) => {
    await use(await createSampleArticle(editor.id));
  },
});

/** Selects `passage` in the article text as a reader would with the mouse (a DOM selection). */
export async function selectPassage(page: Page, passage: string) {
  await page.locator(".ProseMirror").waitFor();
  const found = await page.evaluate((wanted) => {
    const root = document.querySelector(".ProseMirror");
    if (!root) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }
    return false;
  }, passage);
  expect(found, `"${passage}" is in one text node of the article`).toBe(true);
}

export { expect };

/** Signs an API client in through next-auth's credentials endpoint; its cookies then carry the session. */
export async function signInApi(request: APIRequestContext, user: { email: string; password: string }) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email: string } };
  expect(session.user?.email).toBe(user.email);
}

/** In an own claim's card: adds a source through "Add source", then sets the status. */
export async function rateClaim(card: Locator, status: string, source: { url: string; title: string }) {
  await card.getByRole("button", { name: "Add source" }).click();
  await card.getByLabel("Source URL").fill(source.url);
  await card.getByLabel("Source title").fill(source.title);
  await card.getByRole("button", { name: "Save", exact: true }).click();
  await expect(card.getByRole("link", { name: source.title })).toBeVisible();
  await card.getByRole("radio", { name: status, exact: true }).check();
  await expect(card.getByRole("radio", { name: status, exact: true })).toBeChecked();
}

export const claimsPanel = (page: Page) => page.getByRole("region", { name: "Claims" });
/** A claim's card in the panel, by the start of its quote. */
export const card = (page: Page, quoteStart: string) =>
  claimsPanel(page).getByRole("article", { name: new RegExp(`^Claim: .?${escapeRegExp(quoteStart)}`) });
/** The highlight in the article text that holds `text`. */
export const highlight = (page: Page, text: string) => page.locator(".ProseMirror [data-claim-id]", { hasText: text }).first();
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
