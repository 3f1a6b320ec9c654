import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { nonceOf } from "@/lib/security/csp";
import { SENTENCES, clientFor, createArticle, createClaim } from "./api-helpers";
import { E2E_DATABASE_URL, E2E_PORT } from "./env";
import { card, expect, rateClaim, selectPassage, signIn, test } from "./fixtures";

const PASSAGE = "Leaders from the North Atlantic Treaty Organization, NATO, will hold virtual talks";

/**
 * Collects what the browser reports about the page's Content-Security-Policy: `securitypolicyviolation`
 * events (recorded by an init script, which the policy does not apply to) and console messages.
 */
function watchViolations(page: Page): () => Promise<string[]> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) {
      console.push(`${page.url()}: ${message.text()} (${message.location().url}:${message.location().lineNumber})`);
    }
  });
  void page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${location.pathname}: ${event.violatedDirective} ${event.blockedURI} ${event.sample} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

/** Opens `url`; checks the policy and that every script element of the page carries its nonce. */
async function visit(page: Page, url: string, status = 200): Promise<string> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
  const policy = (await response!.allHeaders())["content-security-policy"];
  expect(policy, `${url} has a Content-Security-Policy`).toBeDefined();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  const nonce = nonceOf(policy);
  expect(nonce, `${url}'s policy has a nonce`).toBeTruthy();

  // The HTML as served: every <script> element has this response's nonce.
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${url} has scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
  // And the page as it runs (browsers hide the attribute's value; the property keeps it): every
  // script has the nonce, but for the chunks the nonced runtime loads later ('strict-dynamic'
  // trusts those, and they are this app's own files).
  const scriptsInPage = await page.evaluate(() =>
    [...document.querySelectorAll("script")].map((script) => ({ nonce: script.nonce, src: script.getAttribute("src") })),
  );
  for (const script of scriptsInPage) {
    if (script.nonce !== nonce) expect(script.src, `a script element of ${url} without the nonce`).toMatch(/^\/_next\/static\/chunks\/[\w.-]+\.js$/);
  }
  return nonce!;
}

test("every page has a CSP with a fresh nonce on all its scripts, and the main flows run without a violation", async ({ page, editor, article }) => {
  const violations = watchViolations(page);

  const first = await visit(page, "/login");
  const second = await visit(page, "/login");
  expect(second).not.toBe(first);
  await signIn(page, editor, "/articles");

  const seen = new Set<string>([first, second]);
  for (const url of ["/articles", "/articles/new", `/articles/${article.id}`, `/articles/${article.id}/report`]) {
    seen.add(await visit(page, url));
  }
  seen.add(await visit(page, "/no-such-page", 404));
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  seen.add(await visit(page, "/articles/no-such-article", 404));
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(seen.size).toBe(8);

  // Marking and rating a claim, then the report and its export menu: all under the policy.
  await visit(page, `/articles/${article.id}`);
  await selectPassage(page, PASSAGE);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  await rateClaim(card(page, "Leaders from the North Atlantic"), "Verified", { url: "https://www.nato.int/", title: "NATO news" });
  await page.getByRole("link", { name: "Verification report" }).click();
  await expect(page.locator(".report-claim").filter({ hasText: PASSAGE })).toContainText("Verified");
  await page.getByText("Export report").click();
  await page.getByRole("link", { name: "Articles", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  expect(await violations()).toEqual([]);
});

test("a page cannot be framed, and API answers may load nothing", async ({ page, editor, article }) => {
  await signIn(page, editor, "/articles");
  const headers = (await page.request.get("/articles")).headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  for (const format of ["md", "claimreview", "pdf"]) {
    const download = await page.request.get(`/api/articles/${article.id}/report?format=${format}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  }
  // Without a public https URL, no HSTS (a browser would ignore it over http anyway).
  expect(headers["strict-transport-security"]).toBeUndefined();

  // A page that frames Factline shows nothing of it.
  await page.setContent(`<iframe src="http://localhost:${E2E_PORT}/articles" title="framed"></iframe>`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

/** An extra instance of the built app on the run's database, on `port`, with `env` on top. */
function startInstance(port: number, env: Record<string, string | undefined>): ChildProcess {
  return spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: E2E_DATABASE_URL, NEXTAUTH_SECRET: "headers-test-secret-0123456789", ...env },
    stdio: "ignore",
  });
}

async function untilUp(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The extra server on ${base} did not come up.`);
}

async function stop(server: ChildProcess): Promise<void> {
  server.kill("SIGTERM");
  await new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once("exit", () => resolve())));
}

// An extra instance whose public URL is https (the app itself still serves http, as behind a TLS proxy).
const HTTPS_PORT = E2E_PORT + 5;
const HTTPS_BASE = `http://localhost:${HTTPS_PORT}`;

/** The `name=value` pairs of a response's Set-Cookie headers, for sending back. */
const cookiePairs = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

test("with an https public URL: HSTS, and a Secure __Secure- session cookie that the API reads", async ({ editor }) => {
  test.setTimeout(120_000);
  const server = startInstance(HTTPS_PORT, { NEXTAUTH_URL: `https://localhost:${HTTPS_PORT}` });
  try {
    await untilUp(HTTPS_BASE);
    const login = await fetch(`${HTTPS_BASE}/login`);
    expect(login.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(login.headers.get("content-security-policy")).toContain("'nonce-");

    const csrf = await fetch(`${HTTPS_BASE}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signedIn = await fetch(`${HTTPS_BASE}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
      body: new URLSearchParams({ csrfToken, email: editor.email, password: editor.password, json: "true" }),
    });
    const session = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
    expect(session, signedIn.headers.getSetCookie().join("\n")).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);

    const token = session!.split(";")[0]!;
    expect((await fetch(`${HTTPS_BASE}/api/articles`, { headers: { cookie: token } })).status).toBe(200);
    // The same token under the plain name is not this deployment's session cookie.
    const plain = token.replace("__Secure-next-auth.session-token=", "next-auth.session-token=");
    expect((await fetch(`${HTTPS_BASE}/api/articles`, { headers: { cookie: plain } })).status).toBe(401);
    // Pages read the same cookie: signed in, /articles is served, not a redirect to sign-in.
    const articles = await fetch(`${HTTPS_BASE}/articles`, { headers: { cookie: token }, redirect: "manual" });
    expect(articles.status).toBe(200);
  } finally {
    await stop(server);
  }
});

/**
 * Without NEXTAUTH_URL, links and IRIs use the request's own origin, which Next.js builds from
 * X-Forwarded-Proto. Without FACTLINE_TRUST_PROXY, the server replaces a client's X-Forwarded-*
 * headers before Next.js sees them (lib/server/forwarded-headers.ts); with it, they count.
 */
test("a client's own X-Forwarded-* headers count only when the proxy is trusted", async ({ editor, playwright }) => {
  test.setTimeout(180_000);
  const forged = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example", "X-Forwarded-For": "203.0.113.9" };
  for (const [port, trusted] of [[E2E_PORT + 6, false], [E2E_PORT + 7, true]] as const) {
    const base = `http://localhost:${port}`;
    const server = startInstance(port, { NEXTAUTH_URL: undefined, FACTLINE_TRUST_PROXY: trusted ? "true" : undefined });
    try {
      await untilUp(base);
      const client = await clientFor(playwright.request, base, editor);
      const article = await createArticle(client);
      const claim = await createClaim(client, article, SENTENCES.budget);
      const annotation = await client.get(`/api/annotations/${claim.id}`, { headers: { Accept: "application/ld+json", ...forged } });
      expect(annotation.status()).toBe(200);
      const { id } = (await annotation.json()) as { id: string };
      expect(id, trusted ? "trusted proxy" : "no trusted proxy").toMatch(new RegExp(`^${trusted ? "https" : "http"}://`));
      // A write whose Origin is the forged host passes only where the forged host is believed.
      const write = await client.patch(`/api/annotations/${claim.id}`, {
        headers: { ...forged, Origin: "https://evil.example" },
        data: { version: claim.version, note: "from evil.example" },
      });
      expect(write.status(), trusted ? "trusted proxy" : "no trusted proxy").toBe(trusted ? 200 : 403);
      await client.dispose();
    } finally {
      await stop(server);
    }
  }
});
