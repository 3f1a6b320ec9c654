import type { APIRequestContext, APIResponse } from "@playwright/test";
import {
  SENTENCES,
  SOURCE,
  annotationsUrl,
  claimUrl,
  createArticle,
  createClaim,
  selectorFor,
  type TestArticle,
} from "./api-helpers";
import { E2E_PORT } from "./env";
import * as factories from "@/test/factories";
import { createUser, db, type TestUser } from "./factories";
import { expect, signInApi, test } from "./fixtures";

/*
 * Who may do what, route by route: every API route as an anonymous client, as the owner (the
 * author of the article and of its claim), as another editor (`other`) and as an admin. The rules today:
 * every signed-in user reads every article, claim, history and report and may add articles and
 * claims; only a claim's author changes it; its author or an admin deletes it, and only admins
 * reassign claims and manage accounts (editors get 403); anyone but a claim's author reviews it
 * (the owner's claim is rated, so it awaits review); anonymous clients get a JSON 401 from every
 * route. A refused request must leave
 * everything as it was; an allowed write must change something (so the row can fail).
 *
 * To add a route: a line in ROUTES (how to call it) and a row in MATRIX (what each actor gets).
 */

const ACTORS = ["anonymous", "owner", "other", "admin"] as const;
type Actor = (typeof ACTORS)[number];

/** The status each actor gets: `other` is another editor (not the owner). */
type Expected = Record<Actor, number>;
const MATRIX: Array<[route: RouteName, expected: Expected]> = [
  ["GET /api/articles", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["POST /api/articles", { anonymous: 401, owner: 201, other: 201, admin: 201 }],
  ["GET /api/articles/{id}", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/articles/{id}/annotations", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/articles/{id}/annotations (LD)", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["POST /api/articles/{id}/annotations", { anonymous: 401, owner: 201, other: 201, admin: 201 }],
  ["GET /api/articles/{id}/report (json)", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/articles/{id}/report (pdf, mine)", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/annotations/{id}", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/annotations/{id} (LD)", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/annotations/{id}/history", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["PATCH /api/annotations/{id}", { anonymous: 401, owner: 200, other: 403, admin: 403 }],
  ["PATCH /api/annotations/{id} (add source)", { anonymous: 401, owner: 200, other: 403, admin: 403 }],
  // An admin may delete or reassign anyone's claim (recorded in History), but not edit it.
  ["DELETE /api/annotations/{id}", { anonymous: 401, owner: 204, other: 403, admin: 204 }],
  ["DELETE /api/annotations/{id} (no version)", { anonymous: 401, owner: 204, other: 403, admin: 204 }],
  ["POST /api/annotations/{id}/reassign", { anonymous: 401, owner: 403, other: 403, admin: 200 }],
  // Accounts are the admins' alone. Writes act on the row's own throwaway account, never on an actor.
  ["GET /api/admin/users", { anonymous: 401, owner: 403, other: 403, admin: 200 }],
  ["POST /api/admin/users", { anonymous: 401, owner: 403, other: 403, admin: 201 }],
  ["PATCH /api/admin/users/{id} (deactivate)", { anonymous: 401, owner: 403, other: 403, admin: 200 }],
  ["PATCH /api/admin/users/{id} (make admin)", { anonymous: 401, owner: 403, other: 403, admin: 200 }],
  ["POST /api/admin/users/{id}/password", { anonymous: 401, owner: 403, other: 403, admin: 200 }],
  ["GET /api/articles/{id}/revisions", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  // Only the editor who added the article, and admins, save revisions and place anyone's claims.
  ["POST /api/articles/{id}/revisions", { anonymous: 401, owner: 201, other: 403, admin: 201 }],
  ["POST /api/annotations/{id}/anchor (re-attach)", { anonymous: 401, owner: 200, other: 403, admin: 200 }],
  // The discussion: everyone signed in reads and replies; only a reply's author edits or deletes it.
  ["GET /api/annotations/{id}/replies", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["POST /api/annotations/{id}/replies", { anonymous: 401, owner: 201, other: 201, admin: 201 }],
  ["PATCH /api/replies/{id}", { anonymous: 401, owner: 200, other: 403, admin: 403 }],
  ["DELETE /api/replies/{id}", { anonymous: 401, owner: 204, other: 403, admin: 403 }],
  ["GET /api/people", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  // Search and similar claims read what every signed-in editor may open (decision 0020).
  ["GET /api/search", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/annotations/{id}/similar", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  // Each person's own inbox: every actor has an item of the world's replies to mark done.
  ["GET /api/inbox", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["POST /api/inbox/done", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  // Live updates (decision 0018): every reader of the article, and each person's own inbox hints.
  ["GET /api/articles/{id}/events", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/inbox/events", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  // A second editor signs off or returns a verdict; never its author (decision 0015).
  ["POST /api/annotations/{id}/review (approve)", { anonymous: 401, owner: 403, other: 200, admin: 200 }],
  ["POST /api/annotations/{id}/review (return)", { anonymous: 401, owner: 403, other: 200, admin: 200 }],
  // Suggested claims (decision 0023): everyone signed in reads them and dismisses one for the article;
  // each person's preferences are their own (the route has no id: it acts on the caller).
  ["GET /api/articles/{id}/suggestions", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["POST /api/suggestions/{id}/dismiss", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/articles/{id}/report (md, unchecked)", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["GET /api/profile/preferences", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  ["PATCH /api/profile/preferences", { anonymous: 401, owner: 200, other: 200, admin: 200 }],
  // next-auth's own route: answers everyone, and a session names only its own user (checked below).
  ["GET /api/auth/session", { anonymous: 200, owner: 200, other: 200, admin: 200 }],
];

/** What a row's request may use: a fresh article of the owner's, and the owner's claim on it. */
interface World {
  article: TestArticle;
  claimId: string;
  version: number;
  /** A unique title for articles a row tries to add, so "nothing was added" can be checked. */
  marker: string;
  /** An account made for this row alone: what admin writes act on (deactivate, role, password, reassign to). */
  throwaway: { id: string };
  /** The email of an account a row tries to add. */
  newEmail: string;
  /** The owner's reply on their claim, mentioning `other`. */
  replyId: string;
  /** A suggestion on the article (only looked up for the rows that use it). */
  suggestionId: string;
  /** The inbox keys of the world's replies: the owner's (in other's inbox) and other's (in the owner's and admin's). */
  inboxKeys: string[];
}

interface Route {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: (world: World) => string;
  /** JSON body, or `multipart` fields. */
  data?: (world: World) => Record<string, unknown>;
  multipart?: (world: World) => Record<string, string>;
  headers?: Record<string, string>;
  /** An event stream: its status and first event are read, then the client hangs up. */
  stream?: true;
}

const LD = { Accept: "application/ld+json" };

const ROUTES = {
  "GET /api/articles": { method: "GET", path: () => "/api/articles" },
  "POST /api/articles": {
    method: "POST",
    path: () => "/api/articles",
    multipart: (world) => ({ title: world.marker, format: "txt", text: "A paragraph of the article." }),
  },
  "GET /api/articles/{id}": { method: "GET", path: (world) => `/api/articles/${world.article.id}` },
  "GET /api/articles/{id}/annotations": { method: "GET", path: (world) => annotationsUrl(world.article.id) },
  "GET /api/articles/{id}/annotations (LD)": {
    method: "GET",
    path: (world) => annotationsUrl(world.article.id),
    headers: LD,
  },
  "POST /api/articles/{id}/annotations": {
    method: "POST",
    path: (world) => annotationsUrl(world.article.id),
    data: (world) => ({ ...selectorFor(world.article.text, SENTENCES.mayor), note: "Another claim." }),
  },
  "GET /api/articles/{id}/report (json)": {
    method: "GET",
    path: (world) => `/api/articles/${world.article.id}/report?format=json`,
  },
  "GET /api/articles/{id}/report (pdf, mine)": {
    method: "GET",
    path: (world) => `/api/articles/${world.article.id}/report?format=pdf&editor=me`,
  },
  "GET /api/annotations/{id}": { method: "GET", path: (world) => claimUrl(world.claimId) },
  "GET /api/annotations/{id} (LD)": { method: "GET", path: (world) => claimUrl(world.claimId), headers: LD },
  "GET /api/annotations/{id}/history": { method: "GET", path: (world) => `${claimUrl(world.claimId)}/history` },
  "PATCH /api/annotations/{id}": {
    method: "PATCH",
    path: (world) => claimUrl(world.claimId),
    data: (world) => ({ version: world.version, status: "UNPROVEN", note: "Changed by the matrix." }),
  },
  "PATCH /api/annotations/{id} (add source)": {
    method: "PATCH",
    path: (world) => claimUrl(world.claimId),
    data: (world) => ({ version: world.version, addSources: [SOURCE] }),
  },
  "DELETE /api/annotations/{id}": {
    method: "DELETE",
    path: (world) => `${claimUrl(world.claimId)}?version=${world.version}`,
  },
  "DELETE /api/annotations/{id} (no version)": { method: "DELETE", path: (world) => claimUrl(world.claimId) },
  "GET /api/auth/session": { method: "GET", path: () => "/api/auth/session" },
  "GET /api/articles/{id}/suggestions": { method: "GET", path: (world) => `/api/articles/${world.article.id}/suggestions` },
  "POST /api/suggestions/{id}/dismiss": { method: "POST", path: (world) => `/api/suggestions/${world.suggestionId}/dismiss` },
  "GET /api/articles/{id}/report (md, unchecked)": {
    method: "GET",
    path: (world) => `/api/articles/${world.article.id}/report?format=md&unchecked=1`,
  },
  "GET /api/profile/preferences": { method: "GET", path: () => "/api/profile/preferences" },
  "PATCH /api/profile/preferences": {
    method: "PATCH",
    path: () => "/api/profile/preferences",
    data: () => ({ suggestClaims: true }),
  },
  "POST /api/annotations/{id}/reassign": {
    method: "POST",
    path: (world) => `${claimUrl(world.claimId)}/reassign`,
    data: (world) => ({ version: world.version, authorId: world.throwaway.id }),
  },
  "GET /api/admin/users": { method: "GET", path: () => "/api/admin/users" },
  "POST /api/admin/users": {
    method: "POST",
    path: () => "/api/admin/users",
    data: (world) => ({ name: "Matrix Newcomer", email: world.newEmail, role: "EDITOR" }),
  },
  "PATCH /api/admin/users/{id} (deactivate)": {
    method: "PATCH",
    path: (world) => `/api/admin/users/${world.throwaway.id}`,
    data: () => ({ active: false }),
  },
  "PATCH /api/admin/users/{id} (make admin)": {
    method: "PATCH",
    path: (world) => `/api/admin/users/${world.throwaway.id}`,
    data: () => ({ role: "ADMIN" }),
  },
  "POST /api/admin/users/{id}/password": {
    method: "POST",
    path: (world) => `/api/admin/users/${world.throwaway.id}/password`,
    data: () => ({}),
  },
  "GET /api/annotations/{id}/replies": { method: "GET", path: (world) => `${claimUrl(world.claimId)}/replies` },
  "POST /api/annotations/{id}/replies": {
    method: "POST",
    path: (world) => `${claimUrl(world.claimId)}/replies`,
    data: () => ({ text: "A reply from the matrix." }),
  },
  "PATCH /api/replies/{id}": {
    method: "PATCH",
    path: (world) => `/api/replies/${world.replyId}`,
    data: () => ({ text: "Edited by the matrix." }),
  },
  "DELETE /api/replies/{id}": { method: "DELETE", path: (world) => `/api/replies/${world.replyId}` },
  "GET /api/people": { method: "GET", path: () => "/api/people" },
  "GET /api/search": { method: "GET", path: () => "/api/search?q=budget" },
  "GET /api/annotations/{id}/similar": { method: "GET", path: (world) => `${claimUrl(world.claimId)}/similar` },
  "GET /api/inbox": { method: "GET", path: () => "/api/inbox" },
  "GET /api/articles/{id}/events": {
    method: "GET",
    path: (world) => `/api/articles/${world.article.id}/events`,
    stream: true,
  },
  "GET /api/inbox/events": { method: "GET", path: () => "/api/inbox/events", stream: true },
  "POST /api/inbox/done": {
    method: "POST",
    path: () => "/api/inbox/done",
    data: (world) => ({ keys: world.inboxKeys }),
  },
  "GET /api/articles/{id}/revisions": { method: "GET", path: (world) => `/api/articles/${world.article.id}/revisions` },
  "POST /api/articles/{id}/revisions": {
    method: "POST",
    path: (world) => `/api/articles/${world.article.id}/revisions`,
    multipart: (world) => ({
      title: "Revised by the matrix",
      format: "txt",
      text: `${world.article.text}\n\nA paragraph added by the matrix.`,
      baseRevision: "1",
    }),
  },
  "POST /api/annotations/{id}/anchor (re-attach)": {
    method: "POST",
    path: (world) => `${claimUrl(world.claimId)}/anchor`,
    data: (world) => {
      const start = world.article.text.indexOf(SENTENCES.bridge);
      return {
        version: world.version,
        decision: "reattach",
        position: { start, end: start + SENTENCES.bridge.length },
      };
    },
  },
  "POST /api/annotations/{id}/review (approve)": {
    method: "POST",
    path: (world) => `${claimUrl(world.claimId)}/review`,
    data: (world) => ({ version: world.version, decision: "approve" }),
  },
  "POST /api/annotations/{id}/review (return)": {
    method: "POST",
    path: (world) => `${claimUrl(world.claimId)}/review`,
    data: (world) => ({ version: world.version, decision: "return", comment: "Returned by the matrix." }),
  },
} satisfies Record<string, Route>;
type RouteName = keyof typeof ROUTES;

test.describe("access matrix", () => {
  const users = {} as Record<Exclude<Actor, "anonymous">, TestUser>;
  const clients = {} as Record<Actor, APIRequestContext>;

  test.beforeAll(async ({ playwright }) => {
    const baseURL = `http://localhost:${E2E_PORT}`;
    [users.owner, users.other, users.admin] = await Promise.all([
      createUser("EDITOR"),
      createUser("EDITOR"),
      createUser("ADMIN"),
    ]);
    for (const actor of ACTORS) {
      clients[actor] = await playwright.request.newContext({ baseURL });
      if (actor !== "anonymous") await signInApi(clients[actor], users[actor]);
    }
  });

  test.afterAll(async () => {
    for (const client of Object.values(clients)) await client.dispose();
  });

  /** A fresh article of the owner's with one claim of theirs on it. */
  async function freshWorld(name: RouteName): Promise<World> {
    const article = await createArticle(clients.owner);
    // Every actor starts with the default preferences, so that turning suggestions on changes something.
    await db.userPreferences.deleteMany({ where: { userId: { in: Object.values(users).map((user) => user.id) } } });
    // Rated (Unproven needs no source), so it awaits review: the review rows can be allowed.
    const claim = await createClaim(clients.owner, article, SENTENCES.budget, {
      note: "The owner's note.",
      status: "UNPROVEN",
    });
    const tag = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const reply = async (client: APIRequestContext, text: string) => {
      const response = await client.post(`${claimUrl(claim.id)}/replies`, { data: { text } });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const own = await reply(clients.owner, `Over to you, @${users.other.name}.`);
    const others = await reply(clients.other, `Noted; @${users.admin.name} may want to see this.`);
    // Replies bump the article's feed: the claim's version stays what it was created with.
    return {
      article,
      claimId: claim.id,
      version: claim.version,
      marker: `Matrix article ${tag}`,
      // No password: nobody signs in as it (and no bcrypt hash to make per row).
      throwaway: await factories.createUser(db, { name: `Matrix throwaway ${tag}` }),
      newEmail: `matrix-${tag}@test.factline.test`,
      replyId: own,
      inboxKeys: [`reply:${own}`, `reply:${others}`],
      suggestionId: name === "POST /api/suggestions/{id}/dismiss" ? await firstSuggestion(article.id) : "",
    };
  }

  /** Adding the article computes its suggestions in the background: the first one, once there. */
  async function firstSuggestion(articleId: string): Promise<string> {
    let id = "";
    await expect
      .poll(async () => {
        const response = await clients.owner.get(`/api/articles/${articleId}/suggestions`);
        const view = (await response.json()) as { state: string; suggestions: Array<{ id: string }> };
        id = view.suggestions[0]?.id ?? "";
        return view.state === "ready" && id !== "";
      })
      .toBe(true);
    return id;
  }

  /** What any write could change: the articles with the row's title, the article's claims, and the owner's claim. */
  async function stateOf(world: World) {
    const onArticle = { claim: { articleId: world.article.id } };
    const [added, claims, sources, events, reviews, article, claim, accountsAdded, throwaway, replies, reply, done, dismissals, preferences] =
      await Promise.all([
      db.article.count({ where: { title: world.marker } }),
      db.claim.count({ where: { articleId: world.article.id } }),
      db.source.count({ where: onArticle }),
      db.claimEvent.count({ where: onArticle }),
      db.review.count({ where: onArticle }),
      db.article.findUniqueOrThrow({ where: { id: world.article.id }, select: { claimSeq: true, revision: true } }),
      db.claim.findUniqueOrThrow({
        where: { id: world.claimId },
        select: { version: true, status: true, note: true, deletedAt: true, updatedAt: true, authorId: true, reviewState: true },
      }),
      db.user.count({ where: { email: world.newEmail } }),
      db.user.findUniqueOrThrow({
        where: { id: world.throwaway.id },
        select: { role: true, deactivatedAt: true, passwordHash: true },
      }),
      db.reply.count({ where: onArticle }),
      db.reply.findUniqueOrThrow({ where: { id: world.replyId }, select: { text: true, editedAt: true, deletedAt: true } }),
      db.inboxDone.count({ where: { key: { in: world.inboxKeys } } }),
      db.suggestionDismissal.count({ where: { articleId: world.article.id } }),
      db.userPreferences.findMany({
        where: { userId: { in: Object.values(users).map((user) => user.id) } },
        select: { userId: true, suggestClaims: true },
        orderBy: { userId: "asc" },
      }),
    ]);
    return {
      added,
      claims,
      sources,
      events,
      reviews,
      claimSeq: article.claimSeq,
      revision: article.revision,
      claim,
      accountsAdded,
      throwaway,
      replies,
      reply,
      done,
      suggestions: { dismissals, preferences },
    };
  }

  type Answer = Pick<APIResponse, "status" | "body" | "headers">;

  /** A stream never ends: read its status and first event with fetch, then hang up. */
  async function openStream(client: APIRequestContext, path: string): Promise<Answer> {
    const { cookies } = await client.storageState();
    const abort = new AbortController();
    const response = await fetch(`http://localhost:${E2E_PORT}${path}`, {
      headers: { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
      signal: abort.signal,
    });
    let text = "";
    if (response.ok && response.body) {
      const reader = response.body.getReader();
      while (!text.includes("event: ready")) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      abort.abort();
    } else text = await response.text();
    const headers = Object.fromEntries(response.headers);
    return { status: () => response.status, headers: () => headers, body: async () => Buffer.from(text) };
  }

  function send(client: APIRequestContext, route: Route, world: World): Promise<Answer> {
    if (route.stream) return openStream(client, route.path(world));
    return client.fetch(route.path(world), {
      method: route.method,
      ...(route.headers ? { headers: route.headers } : {}),
      ...(route.data ? { data: route.data(world) } : {}),
      ...(route.multipart ? { multipart: route.multipart(world) } : {}),
    });
  }

  test("lists every route once, with a status for each actor", () => {
    const listed = MATRIX.map(([route]) => route);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [name, expected] of MATRIX) {
    for (const actor of ACTORS) {
      const status = expected[actor];
      test(`${name} as ${actor} → ${status}`, async () => {
        const route: Route = ROUTES[name];
        const world = await freshWorld(name);
        const before = await stateOf(world);
        const response = await send(clients[actor], route, world);
        const body = await response.body();
        expect(response.status(), body.toString("utf8", 0, 300)).toBe(status);

        if (route.stream && status === 200) {
          expect(response.headers()["content-type"]).toMatch(/^text\/event-stream/);
          expect(body.toString("utf8")).toContain("event: ready");
        }

        const after = await stateOf(world);
        if (status >= 400) {
          expect(response.headers()["content-type"]).toContain("application/json");
          const { error } = JSON.parse(body.toString("utf8")) as { error?: unknown };
          expect(typeof error === "string" && error.length > 10, `a message in ${body.toString("utf8", 0, 300)}`).toBe(
            true,
          );
          expect(after, "a refused request changes nothing").toEqual(before);
        } else if (route.method === "GET") {
          expect(after, "a read changes nothing").toEqual(before);
        } else {
          expect(after, "an allowed write changes something").not.toEqual(before);
        }

        if (name === "GET /api/auth/session") {
          const session = JSON.parse(body.toString("utf8")) as { user?: { email?: string } };
          expect(session.user?.email).toBe(actor === "anonymous" ? undefined : users[actor].email);
        }
      });
    }
  }
});
