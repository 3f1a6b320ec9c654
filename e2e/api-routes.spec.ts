import fs from "node:fs";
import path from "node:path";
import { clientFor, createArticle } from "./api-helpers";
import { expect, test } from "./fixtures";

const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;

test("an unknown API route answers a JSON 404 for every method, signed in or not", async ({
  playwright,
  baseURL,
  editor,
}) => {
  const anonymous = await clientFor(playwright.request, baseURL);
  const signedIn = await clientFor(playwright.request, baseURL, editor);
  for (const client of [anonymous, signedIn]) {
    for (const [method, url] of [
      ["GET", "/api/foo"],
      ["POST", "/api/foo"],
      ["DELETE", "/api/foo/bar"],
      ["PUT", "/api/articles/x/unknown"],
      ["PATCH", "/api/annotations/x/history/more"],
    ] as const) {
      const response = await client.fetch(url, { method });
      expect(response.status(), `${method} ${url}`).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(await response.json()).toEqual({ error: `No such API route: ${method} ${url}.` });
    }
    // A multipart POST (a form upload) to an unknown route: not "Server Action unavailable".
    const upload = await client.post("/api/uploads", {
      multipart: { file: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("hi") } },
    });
    expect(upload.status()).toBe(404);
    expect(await upload.json()).toEqual({ error: "No such API route: POST /api/uploads." });
  }
  // The catch-all does not shadow real routes.
  expect((await signedIn.get("/api/articles")).status()).toBe(200);
  expect((await anonymous.get("/api/articles")).status()).toBe(401);
  expect((await anonymous.get("/api/auth/csrf")).status()).toBe(200);
  await anonymous.dispose();
  await signedIn.dispose();
});

test("a known API route answers a wrong method with 405, an Allow header and a JSON error", async ({
  playwright,
  baseURL,
  editor,
}) => {
  const client = await clientFor(playwright.request, baseURL, editor);
  const article = await createArticle(client);

  const wrong = await client.delete("/api/articles");
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()["allow"]).toBe("GET, HEAD, POST, OPTIONS");
  expect(await wrong.json()).toEqual({
    error: "DELETE is not allowed on /api/articles. Allowed: GET, HEAD, POST, OPTIONS.",
  });

  const put = await client.put(`/api/articles/${article.id}`, { data: {} });
  expect(put.status()).toBe(405);
  expect(put.headers()["allow"]).toBe("GET, HEAD, OPTIONS");

  const options = await client.fetch(`/api/articles/${article.id}/annotations`, { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, HEAD, POST, OPTIONS");
  expect((await client.head(`/api/articles/${article.id}`)).status()).toBe(200);
  await client.dispose();
});

/**
 * Every route file of the build (read from its manifest, so a new one is covered without editing
 * this test): each method it does not list in Allow is a JSON 405 with Allow, never Next.js's
 * empty 405, and each one it lists is not a 405.
 */
test("every API route of the build answers every method it lacks with a JSON 405", async ({
  playwright,
  baseURL,
  editor,
}) => {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(".next", "server", "app-paths-manifest.json"), "utf8"),
  ) as Record<string, string>;
  const routes = Object.keys(manifest)
    .filter((key) => key.startsWith("/api/") && key.endsWith("/route"))
    .map((key) => key.slice(0, -"/route".length))
    .filter((route) => !route.startsWith("/api/auth/") && route !== "/api/[...path]");
  expect(routes).toContain("/api/annotations/[id]");
  const client = await clientFor(playwright.request, baseURL, editor);
  for (const route of routes) {
    const url = route.replace(/\[[^\]]+\]/g, "no-such-id");
    const options = await client.fetch(url, { method: "OPTIONS" });
    expect(options.status(), `OPTIONS ${route}`).toBe(204);
    const allowed = new Set((options.headers()["allow"] ?? "").split(", "));
    for (const method of METHODS) {
      // An event stream's GET never ends (decision 0018): its answers are the access matrix's rows.
      if (route.endsWith("/events") && allowed.has(method) && (method === "GET" || method === "HEAD")) continue;
      const response = await client.fetch(url, {
        method,
        ...(method === "GET" || method === "HEAD" ? {} : { data: {} }),
      });
      if (allowed.has(method)) {
        expect(response.status(), `${method} ${route}`).not.toBe(405);
        continue;
      }
      expect(response.status(), `${method} ${route}`).toBe(405);
      expect(response.headers()["allow"], `${method} ${route}`).toBe(options.headers()["allow"]);
      // An answer to HEAD has no body, by HTTP (a POST-only route refuses HEAD as well).
      if (method === "HEAD") continue;
      expect(((await response.json()) as { error: string }).error).toContain(`${method} is not allowed`);
    }
  }
  await client.dispose();
});
