import {
  SENTENCES, SOURCE, annotationsUrl, claimUrl, clientFor, createArticle, createClaim, expectError, getClaim, getHistory,
  listClaims, listSummaries, patchClaim, selectorFor, stateOf, statesOf, type ClaimDetails, type TestArticle,
} from "./api-helpers";
import { createUser, db } from "./factories";
import { expect, signInApi, test } from "./fixtures";

const LD_ACCEPT = { Accept: "application/ld+json" };
const OVER_64_KB = "x".repeat(65 * 1024);

/** The fields of a W3C Annotation the checks below read (the rest is matched structurally). */
interface Annotation {
  id: string;
  created: string;
  modified: string;
  body: unknown[];
}

test.describe("claims API", () => {
  let article: TestArticle;

  test.beforeEach(async ({ request, editor }) => {
    await signInApi(request, editor);
    article = await createArticle(request);
  });

  test("creates a claim with canonical selectors and lists it", async ({ request, editor }) => {
    const selector = selectorFor(article.text, SENTENCES.turnout);
    // The client's prefix/suffix are only hints: the API stores the context cut from the text itself.
    const response = await request.post(annotationsUrl(article.id), {
      data: { position: selector.position, quote: { exact: SENTENCES.turnout, prefix: "", suffix: "" } },
    });
    expect(response.status()).toBe(201);
    const claim = (await response.json()) as ClaimDetails;
    expect(response.headers().location).toBe(claimUrl(claim.id));
    expect(claim).toMatchObject({
      articleId: article.id,
      author: { id: editor.id, name: editor.name },
      position: selector.position,
      quote: selector.quote,
      status: "UNVERIFIED",
      note: "",
      version: 1,
      sources: [],
    });
    expect(claim.quote.prefix.length).toBeGreaterThan(0);
    expect(claim).not.toHaveProperty("history");
    const history = await getHistory(request, claim.id);
    expect(history.map((e) => e.kind)).toEqual(["created"]);
    expect(history[0]?.actor.id).toBe(editor.id);

    // The list carries summaries: the passage is the article's text at start–end, the name is in `people`.
    const list = await listSummaries(request, article.id);
    expect(list).toEqual({
      claims: [
        {
          id: claim.id,
          authorId: editor.id,
          ...selector.position,
          // Where it is in the current revision: where it was marked, as the article never changed.
          anchor: { state: "placed", revision: 1, ...selector.position, method: "position" },
          status: "UNVERIFIED",
          review: { state: "none", by: null, at: null, comment: null },
          version: 1,
          sourceCount: 0,
          replyCount: 0,
          createdAt: claim.createdAt,
          updatedAt: claim.updatedAt,
        },
      ],
      people: { [editor.id]: editor.name },
      cursor: expect.any(String),
    });
    expect(await getClaim(request, claim.id)).toEqual(claim);
  });

  test("filters the list by author and by status", async ({ request, editor, playwright, baseURL }) => {
    const mine = await createClaim(request, article, SENTENCES.budget);
    const unproven = await createClaim(request, article, SENTENCES.bridge, { status: "UNPROVEN" });
    const otherEditor = await createUser("EDITOR");
    const other = await clientFor(playwright.request, baseURL, otherEditor);
    const theirs = await createClaim(other, article, SENTENCES.mayor);
    await other.dispose();

    const ids = async (query: string) => (await listClaims(request, article.id, query)).map((c) => c.id).sort();
    expect(await ids("")).toEqual([mine.id, unproven.id, theirs.id].sort());
    expect(await ids("?user=me")).toEqual([mine.id, unproven.id].sort());
    expect(await ids(`?user=${editor.id}`)).toEqual([mine.id, unproven.id].sort());
    expect(await ids(`?user=${otherEditor.id}`)).toEqual([theirs.id]);
    expect(await ids("?status=UNPROVEN")).toEqual([unproven.id]);
    expect(await ids("?status=VERIFIED")).toEqual([]);
    expect(await ids("?user=me&status=UNVERIFIED")).toEqual([mine.id]);
    await expectError(await request.get(`${annotationsUrl(article.id)}?status=BOGUS`), 422, /status/i);
  });

  test("answers 400 to a body that is not JSON", async ({ request }) => {
    const claim = await createClaim(request, article, SENTENCES.budget);
    const before = await stateOf(request, claim.id);
    // A Buffer is sent as is (Playwright would JSON-encode a string into a valid JSON string).
    const malformed = { headers: { "content-type": "application/json" }, data: Buffer.from('{"version": 1, "note": ') };
    await expectError(await request.post(annotationsUrl(article.id), malformed), 400, /not valid JSON/);
    await expectError(await request.patch(claimUrl(claim.id), malformed), 400, /not valid JSON/);
    expect(await listClaims(request, article.id)).toHaveLength(1);
    expect(await stateOf(request, claim.id)).toEqual(before);
  });

  test("answers 401 with a JSON error to anonymous clients", async ({ request, playwright, baseURL }) => {
    const claim = await createClaim(request, article, SENTENCES.budget);
    const before = await statesOf(request, article.id);
    const anonymous = await clientFor(playwright.request, baseURL);
    const attempts = [
      anonymous.get(annotationsUrl(article.id)),
      anonymous.post(annotationsUrl(article.id), { data: selectorFor(article.text, SENTENCES.bridge) }),
      anonymous.get(claimUrl(claim.id)),
      anonymous.get(`${claimUrl(claim.id)}/history`),
      anonymous.patch(claimUrl(claim.id), { data: { version: 1, note: "anonymous" } }),
      anonymous.delete(`${claimUrl(claim.id)}?version=1`),
    ];
    for (const response of await Promise.all(attempts)) await expectError(response, 401, /sign in/i);
    await anonymous.dispose();
    expect(await statesOf(request, article.id)).toEqual(before);
  });

  test("refuses another editor's PATCH and DELETE with 403 and leaves the claim unchanged", async ({ request, playwright, baseURL }) => {
    const claim = await createClaim(request, article, SENTENCES.budget, { note: "Mine." });
    const before = await stateOf(request, claim.id);
    const other = await clientFor(playwright.request, baseURL, await createUser("EDITOR"));
    expect((await getClaim(other, claim.id)).id).toBe(claim.id); // others may read it
    await expectError(await patchClaim(other, claim.id, { version: 1, status: "UNPROVEN", note: "Theirs." }), 403, /another editor/);
    await expectError(await other.delete(`${claimUrl(claim.id)}?version=1`), 403, /another editor/);
    await other.dispose();
    expect(await stateOf(request, claim.id)).toEqual(before);
  });

  test("answers 404 to an unknown claim or article", async ({ request }) => {
    const unknown = claimUrl("no-such-claim");
    await expectError(await request.get(unknown), 404, /no such claim/);
    await expectError(await request.get(`${unknown}/history`), 404, /no such claim/);
    await expectError(await patchClaim(request, "no-such-claim", { version: 1, note: "x" }), 404, /no such claim/);
    await expectError(await request.delete(`${unknown}?version=1`), 404, /no such claim/);
    await expectError(await request.get(annotationsUrl("no-such-article")), 404, /no article/);
    const post = await request.post(annotationsUrl("no-such-article"), { data: selectorFor(article.text, SENTENCES.budget) });
    await expectError(post, 404, /no article/);
  });

  test("answers 409 to a stale version and keeps only the first change", async ({ request }) => {
    const claim = await createClaim(request, article, SENTENCES.budget);
    const first = await patchClaim(request, claim.id, { version: 1, status: "UNPROVEN" });
    expect(first.status()).toBe(200);
    expect(((await first.json()) as ClaimDetails).version).toBe(2);
    await expectError(await patchClaim(request, claim.id, { version: 1, note: "Lost update" }), 409, /reload/i);
    await expectError(await request.delete(`${claimUrl(claim.id)}?version=1`), 409, /reload/i);

    expect(await stateOf(request, claim.id)).toEqual({ version: 2, status: "UNPROVEN", note: "", sources: [], history: ["created", "status"] });
  });

  test("answers 413 to a body over 64 KB and stores nothing", async ({ request }) => {
    const claim = await createClaim(request, article, SENTENCES.budget);
    const before = await statesOf(request, article.id);
    const post = await request.post(annotationsUrl(article.id), { data: { ...selectorFor(article.text, SENTENCES.bridge), note: OVER_64_KB } });
    await expectError(post, 413, /64 KB/);
    await expectError(await patchClaim(request, claim.id, { version: 1, note: OVER_64_KB }), 413, /64 KB/);
    expect(await statesOf(request, article.id)).toEqual(before);
  });

  // Each case is refused with 422 and a message that says what is wrong; never a 500, and nothing changes.
  type Invalid = { what: string; message: RegExp } & (
    | { create: (text: string) => Record<string, unknown> }
    | { update: Record<string, unknown> }
  );
  const budget = (text: string) => selectorFor(text, SENTENCES.budget);
  const invalid: Invalid[] = [
    { what: "a position outside the text", message: /outside the article text/, create: (text) => ({ ...budget(text), position: { start: text.length + 5, end: text.length + 20 } }) },
    { what: "a quote that does not match the text there", message: /does not match/, create: (text) => ({ ...budget(text), quote: selectorFor(text, SENTENCES.bridge).quote }) },
    { what: "an unknown status on create", message: /status must be one of/i, create: (text) => ({ ...budget(text), status: "PROBABLY" }) },
    { what: "Verified on create (no source yet)", message: /add at least one source/i, create: (text) => ({ ...budget(text), status: "VERIFIED" }) },
    { what: "Verified without a source", message: /add at least one source/i, update: { version: 1, status: "VERIFIED" } },
    { what: "a javascript: source URL", message: /http:\/\/ or https:\/\//, update: { version: 1, addSources: [{ ...SOURCE, url: "javascript:alert(1)" }] } },
    { what: "an ftp:// source URL", message: /http:\/\/ or https:\/\//, update: { version: 1, addSources: [{ ...SOURCE, url: "ftp://files.example.org/budget.pdf" }] } },
    { what: "an unknown status on update", message: /status must be one of/i, update: { version: 1, status: "PROBABLY" } },
  ];
  for (const c of invalid) {
    test(`refuses ${c.what} with 422 and changes nothing`, async ({ request }) => {
      const existing = await createClaim(request, article, SENTENCES.mayor);
      const before = await statesOf(request, article.id);
      const response =
        "create" in c
          ? await request.post(annotationsUrl(article.id), { data: c.create(article.text) })
          : await patchClaim(request, existing.id, c.update);
      await expectError(response, 422, c.message);
      expect(await statesOf(request, article.id)).toEqual(before);
    });
  }

  test("marks Verified with a source in the same PATCH, then refuses to remove its only source", async ({ request, editor }) => {
    const claim = await createClaim(request, article, SENTENCES.budget);
    const response = await patchClaim(request, claim.id, { version: 1, status: "VERIFIED", addSources: [SOURCE] });
    expect(response.status(), await response.text()).toBe(200);
    const verified = (await response.json()) as ClaimDetails;
    expect(verified).toMatchObject({ status: "VERIFIED", version: 2 });
    expect(verified.sources).toEqual([expect.objectContaining({ ...SOURCE, excerpt: null, addedBy: { id: editor.id, name: editor.name } })]);
    expect(await getClaim(request, claim.id)).toEqual(verified);
    const history = await getHistory(request, claim.id);
    expect(history.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual(expect.arrayContaining([
      { kind: "status", from: "UNVERIFIED", to: "VERIFIED" },
      { kind: "source_added", from: null, to: SOURCE.title },
    ]));

    const before = await stateOf(request, claim.id);
    const removal = await patchClaim(request, claim.id, { version: 2, removeSourceIds: [verified.sources[0]?.id] });
    await expectError(removal, 422, /add at least one source/i);
    expect(await stateOf(request, claim.id)).toEqual(before);
  });

  test("records every change in history, and a deleted claim keeps it", async ({ request, editor }) => {
    const claim = await createClaim(request, article, SENTENCES.budget);
    let version = claim.version;
    const patch = async (data: Record<string, unknown>) => {
      const response = await patchClaim(request, claim.id, { version, ...data });
      expect(response.status(), await response.text()).toBe(200);
      const updated = (await response.json()) as ClaimDetails;
      expect(updated.version).toBe(++version);
      return updated;
    };
    await patch({ status: "UNPROVEN" });
    await patch({ note: "Asked the council press office." });
    const withSource = await patch({ addSources: [SOURCE] });
    await patch({ status: "FALSE" });
    await patch({ status: "UNPROVEN" });
    await patch({ removeSourceIds: [withSource.sources[0]?.id] });

    const history = await getHistory(request, claim.id);
    expect(history.map(({ kind, from, to, actor }) => ({ kind, from, to, actor: actor.id }))).toEqual([
      { kind: "created", from: null, to: null, actor: editor.id },
      { kind: "status", from: "UNVERIFIED", to: "UNPROVEN", actor: editor.id },
      { kind: "note", from: "", to: "Asked the council press office.", actor: editor.id },
      { kind: "source_added", from: null, to: SOURCE.title, actor: editor.id },
      { kind: "status", from: "UNPROVEN", to: "FALSE", actor: editor.id },
      { kind: "status", from: "FALSE", to: "UNPROVEN", actor: editor.id },
      { kind: "source_removed", from: SOURCE.title, to: null, actor: editor.id },
    ]);

    const deleted = await request.delete(`${claimUrl(claim.id)}?version=${version}`);
    expect(deleted.status()).toBe(204);
    await expectError(await request.get(claimUrl(claim.id)), 404);
    await expectError(await request.get(`${claimUrl(claim.id)}/history`), 404);
    expect(await listClaims(request, article.id)).toEqual([]);
    const events = await db.claimEvent.findMany({ where: { claimId: claim.id }, select: { kind: true, actorId: true } });
    expect(events).toHaveLength(history.length + 1);
    expect(events).toContainEqual({ kind: "deleted", actorId: editor.id });
  });

  test("keeps a note with markup as the exact text", async ({ request }) => {
    const note = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    const claim = await createClaim(request, article, SENTENCES.budget, { note });
    expect(claim.note).toBe(note);
    expect((await getClaim(request, claim.id)).note).toBe(note);
    const updated = await patchClaim(request, claim.id, { version: 1, note: `${note} again` });
    expect(((await updated.json()) as ClaimDetails).note).toBe(`${note} again`);
    expect(updated.headers()["content-type"]).toContain("application/json");
  });

  test("serves claims as a W3C AnnotationCollection with Accept: application/ld+json", async ({ request, editor }) => {
    const claim = await createClaim(request, article, SENTENCES.turnout, { note: "Check the electoral register." });
    const patched = await patchClaim(request, claim.id, { version: 1, status: "VERIFIED", addSources: [SOURCE] });
    expect(patched.status()).toBe(200);

    const response = await request.get(annotationsUrl(article.id), { headers: LD_ACCEPT });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/ld+json");
    const collection = (await response.json()) as { first: { items: Annotation[] } };
    expect(collection).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      total: 1,
      first: { type: "AnnotationPage", items: expect.any(Array) },
    });
    const [item] = collection.first.items;
    const selector = selectorFor(article.text, SENTENCES.turnout);
    expect(item).toMatchObject({
      id: expect.stringMatching(new RegExp(`^https?://[^/]+/api/annotations/${claim.id}$`)),
      type: "Annotation",
      motivation: expect.any(String),
      creator: { type: "Person", name: editor.name },
      target: {
        source: expect.stringMatching(new RegExp(`^https?://[^/]+/articles/${article.id}$`)),
        selector: [
          { type: "TextPositionSelector", ...selector.position },
          { type: "TextQuoteSelector", ...selector.quote },
        ],
      },
    });
    for (const date of [item?.created, item?.modified]) expect(new Date(date ?? "").toISOString()).toBe(date);
    expect(item?.body).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: "TextualBody", purpose: "assessing", value: "Verified" }),
      expect.objectContaining({ type: "SpecificResource", source: expect.objectContaining({ id: SOURCE.url }) }),
    ]));

    const one = await request.get(claimUrl(claim.id), { headers: LD_ACCEPT });
    expect(one.headers()["content-type"]).toContain("application/ld+json");
    expect(await one.json()).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", id: item?.id, type: "Annotation" });
  });

  test("lets exactly one of 10 concurrent PATCHes with the same version win", async ({ request }) => {
    const claim = await createClaim(request, article, SENTENCES.budget);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => patchClaim(request, claim.id, { version: 1, note: `Writer ${i}` })),
    );
    const statuses = responses.map((r) => r.status()).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
    const winner = (await responses.find((r) => r.status() === 200)?.json()) as ClaimDetails;
    expect(await getClaim(request, claim.id)).toEqual(winner);
    expect((await getHistory(request, claim.id)).map((e) => e.kind)).toEqual(["created", "note"]);
  });
  test("answers what changed since a cursor, and 304 to If-None-Match when nothing did", async ({ request }) => {
    const first = await createClaim(request, article, SENTENCES.budget);
    const full = await request.get(annotationsUrl(article.id));
    expect(full.headers()["cache-control"]).toMatch(/private/);
    expect(full.headers()["cache-control"]).toMatch(/no-cache/);
    const tag = full.headers().etag;
    expect(tag).toBeTruthy();
    const { cursor } = (await full.json()) as { cursor: string };

    const since = `${annotationsUrl(article.id)}?since=${encodeURIComponent(cursor)}`;
    const unchanged = await request.get(since, { headers: { "If-None-Match": tag! } });
    expect(unchanged.status()).toBe(304);
    expect(unchanged.headers().etag).toBe(tag);
    expect(await listSummaries(request, article.id, `?since=${cursor}`)).toEqual({ claims: [], deleted: [], people: {}, cursor });

    const second = await createClaim(request, article, SENTENCES.bridge);
    expect((await patchClaim(request, first.id, { version: 1, status: "UNPROVEN" })).status()).toBe(200);
    const changed = await request.get(since, { headers: { "If-None-Match": tag! } });
    expect(changed.status()).toBe(200);
    expect(changed.headers().etag).not.toBe(tag);
    const changes = (await changed.json()) as { claims: { id: string; status: string }[]; deleted: string[]; cursor: string };
    expect(changes.claims.map((c) => [c.id, c.status]).sort()).toEqual([[first.id, "UNPROVEN"], [second.id, "UNVERIFIED"]].sort());
    expect(changes.deleted).toEqual([]);

    expect((await request.delete(`${claimUrl(second.id)}?version=1`)).status()).toBe(204);
    expect(await listSummaries(request, article.id, `?since=${changes.cursor}`)).toMatchObject({ claims: [], deleted: [second.id] });

    await expectError(await request.get(`${annotationsUrl(article.id)}?since=yesterday`), 400, /since/);
  });
});
