import { spawn, type ChildProcess } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_PORT, E2E_SECOND_PORT } from "./env";
import { createUser, type TestUser } from "./factories";
import { card, expect, highlight, rateClaim, selectPassage, signIn, test } from "./fixtures";

/*
 * The live desk (issue 11, decision 0018): two editors with the same article open see each other's
 * work without reloading, across a server restart, and (on PostgreSQL) across two instances.
 */

const SECOND_SENTENCE =
  "Earlier, China’s leader, Xi Jinping, had told Putin that Moscow should negotiate with the government in Kyiv.";
const MINSK = "The readout added that Minsk was chosen as the venue for the proposed talk.";
const SOURCE = {
  url: "https://www.reuters.com/world/china-xi-putin-call-2022-02-25/",
  title: "Xi tells Putin he supports talks with Ukraine",
};

async function signedIn(browser: Browser, user: TestUser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, url);
  await page.locator(".ProseMirror").waitFor();
  return page;
}

const inboxLink = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox \(\d+\)$/ });
const liveStatus = (page: Page) => page.locator(".live-bar");

test("a colleague's claim, rating and reply appear on an open page without a reload, and who reads it is shown", async ({
  browser,
  page,
  editor,
  article,
}) => {
  const colleague = await createUser("EDITOR");
  await signIn(page, editor, `/articles/${article.id}`);
  await page.locator(".ProseMirror").waitFor();
  const other = await signedIn(browser, colleague, `/articles/${article.id}`);

  // Each sees the other is here.
  await expect(liveStatus(page).getByText(`Also reading: ${colleague.name}`)).toBeVisible();
  await expect(liveStatus(other).getByText(`Also reading: ${editor.name}`)).toBeVisible();

  // A marks a claim and rates it; B's page, open all along, draws it and its status.
  await selectPassage(page, SECOND_SENTENCE);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  await expect(highlight(other, "Xi Jinping")).toBeVisible();
  await expect(liveStatus(other).getByRole("status")).toContainText(`${editor.name} marked a claim`);
  await rateClaim(card(page, "Earlier, China’s leader"), "Verified", SOURCE);
  await expect(highlight(other, "Xi Jinping")).toHaveClass(/status-verified/);
  const theirs = card(other, "Earlier, China’s leader");
  await expect(theirs.locator(".claim-byline")).toContainText("Verified");
  await expect(other.getByLabel("Filter by status")).toContainText("Verified (1)");

  // B replies; A sees the reply (and the inbox count) without reloading.
  await expect(inboxLink(page)).toHaveText("Inbox (0)");
  await theirs.getByRole("button", { name: "Discussion (0)" }).click();
  await theirs.getByLabel("Your reply").fill("Reuters has the readout too.");
  await theirs.getByRole("button", { name: "Post reply" }).click();
  const mine = card(page, "Earlier, China’s leader");
  await expect(mine.getByRole("button", { name: "Discussion (1)" })).toBeVisible();
  await expect(liveStatus(page).getByRole("status")).toContainText(`${colleague.name} replied on a claim`);
  await mine.getByRole("button", { name: "Discussion (1)" }).click();
  await expect(mine.getByText("Reuters has the readout too.")).toBeVisible();
  await expect(inboxLink(page)).toHaveText("Inbox (1)");

  // B leaves: A no longer sees them.
  await other.context().close();
  await expect(liveStatus(page).getByText(`Also reading: ${colleague.name}`)).toHaveCount(0);
});

test("an editor typing a note is told when a reviewer changed the claim underneath, and keeps the text", async ({
  browser,
  page,
  editor,
  article,
}) => {
  const reviewer = await createUser("EDITOR");
  await signIn(page, editor, `/articles/${article.id}`);
  await selectPassage(page, MINSK);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  const mine = card(page, "The readout added");
  await rateClaim(mine, "Verified", { url: "https://kremlin.example/readout", title: "Kremlin readout" });
  await mine.getByLabel("Note").fill("Half-typed note");

  const other = await signedIn(browser, reviewer, `/articles/${article.id}`);
  const theirs = card(other, "The readout added");
  await theirs.click();
  await theirs.getByRole("button", { name: "Approve" }).click();

  await expect(
    mine.getByRole("status").filter({ hasText: `${reviewer.name} changed this claim while you had it open` }),
  ).toBeVisible();
  await expect(mine).toContainText(`Signed off by ${reviewer.name}`);
  await expect(mine.getByLabel("Note")).toHaveValue("Half-typed note");
  await mine.getByRole("button", { name: "Reload this claim" }).click();
  await expect(mine.getByLabel("Note")).toHaveValue("");
  await other.context().close();
});

/** `npm start` on the test database, on a port of its own, so that the test can stop and start it. */
function startServer(port: number): ChildProcess {
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: E2E_DATABASE_URL,
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
  });
  return child;
}

async function waitForServer(port: number): Promise<void> {
  for (const until = Date.now() + 120_000; Date.now() < until;) {
    try {
      if ((await fetch(`http://localhost:${port}/login`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server on port ${port} did not start`);
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    // The whole group: npx, tsx and the Next.js server it started.
    process.kill(-child.pid!, "SIGTERM");
  });
}

/**
 * Until nothing answers on the port any more. The server's own process may outlive its parents:
 * on SIGTERM it drains open connections (this page's event stream among them), so after a few
 * seconds the whole group is killed, as a crash would end it.
 */
async function waitForStopped(port: number, child: ChildProcess): Promise<void> {
  const killAt = Date.now() + 5_000;
  let killed = false;
  for (const until = Date.now() + 30_000; Date.now() < until;) {
    try {
      await fetch(`http://localhost:${port}/login`);
    } catch {
      return;
    }
    if (!killed && Date.now() > killAt) {
      killed = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // The group is gone already.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server on port ${port} did not stop`);
}

test("after the server restarts mid-session, the page reconnects and shows a change made during the outage", async ({
  browser,
  page,
  editor,
  article,
}) => {
  test.setTimeout(180_000);
  const port = E2E_PORT + 120;
  let server = startServer(port);
  try {
    await waitForServer(port);
    const colleague = await createUser("EDITOR");
    await signIn(page, editor, `/articles/${article.id}`);
    const other = await signedIn(browser, colleague, `http://localhost:${port}/articles/${article.id}`);
    await expect(liveStatus(other).getByText(`Also reading:`)).toHaveCount(0);

    await stopServer(server);
    await waitForStopped(port, server);
    await expect(liveStatus(other).getByText("Reconnecting…")).toBeVisible();
    // While B's server is down, A (on the other server) marks a claim.
    await selectPassage(page, MINSK);
    await page.getByRole("button", { name: "Mark as claim" }).click();
    await expect(card(page, "The readout added")).toBeVisible();

    server = startServer(port);
    await waitForServer(port);
    await expect(highlight(other, "Minsk was chosen")).toBeVisible({ timeout: 20_000 });
    await expect(card(other, "The readout added")).toHaveCount(1);
    await expect(liveStatus(other).getByText("Reconnecting…")).toHaveCount(0);
    await other.context().close();
  } finally {
    await stopServer(server);
  }
});

test("on two instances, a claim marked and rated through one appears live on a page served by the other", async ({
  browser,
  page,
  editor,
  article,
}) => {
  test.skip(!E2E_SECOND_PORT, "needs a second instance on the same database (npm test runs it on PostgreSQL)");
  const colleague = await createUser("EDITOR");
  await signIn(page, editor, `http://localhost:${E2E_PORT}/articles/${article.id}`);
  await page.locator(".ProseMirror").waitFor();
  const other = await signedIn(browser, colleague, `http://localhost:${E2E_SECOND_PORT}/articles/${article.id}`);

  await selectPassage(page, SECOND_SENTENCE);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  await expect(highlight(other, "Xi Jinping")).toBeVisible();
  await rateClaim(card(page, "Earlier, China’s leader"), "Verified", SOURCE);
  await expect(highlight(other, "Xi Jinping")).toHaveClass(/status-verified/);
  await expect(card(other, "Earlier, China’s leader").locator(".claim-byline")).toContainText("Verified");
  // Presence crosses instances too.
  await expect(liveStatus(page).getByText(`Also reading: ${colleague.name}`)).toBeVisible({ timeout: 15_000 });
  await other.context().close();
});
