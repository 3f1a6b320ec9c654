/**
 * lib/server/discussion.ts against a real database: what is stored, what the thread shows, what
 * is refused (and that nothing is stored then), and that the claims list counts the replies.
 */
import { faker } from "@faker-js/faker";
import { beforeEach, describe, expect, it } from "vitest";
import { replySchema } from "@/lib/discussion/schemas";
import { db } from "@/lib/server/db";
import { listClaimSummaries } from "@/lib/server/claim-feed";
import { createClaim, deleteClaim } from "@/lib/server/claim-writes";
import { deleteReply, editReply, listReplies, postReply } from "@/lib/server/discussion";
import { createArticle, createUser, sessionOf, type TestArticle } from "./factories";

const SENTENCE = "The city council approved a budget of 4.2 million euros on Tuesday.";
type Session = ReturnType<typeof sessionOf>;
let erin: Session;
let sam: Session;
let cleo: Session;
let article: TestArticle;
let claimId: string;

// Names are unique per test: every test's people are in the same database, and mentions go by name.
let ERIN = "";
let SAM = "";
let CLEO = "";

beforeEach(async () => {
  const tag = faker.string.alpha(8);
  [ERIN, SAM, CLEO] = [`Erin ${tag}`, `Sam ${tag}`, `Cleo ${tag}`];
  erin = sessionOf(await createUser(db, { name: ERIN }));
  sam = sessionOf(await createUser(db, { name: SAM }));
  cleo = sessionOf(await createUser(db, { name: CLEO }));
  article = await createArticle(db, erin.id, { paragraphs: [SENTENCE] });
  const claim = await createClaim(erin, article.id, {
    position: { start: 0, end: SENTENCE.length },
    quote: { exact: SENTENCE, prefix: "", suffix: "" },
  });
  claimId = claim.id;
});

const reply = (user: Session, text: string, id = claimId) => postReply(user, id, replySchema.parse({ text }));
const mentionRows = (replyId: string) =>
  db.mention.findMany({ where: { replyId }, select: { userId: true }, orderBy: { userId: "asc" } });
const summary = async () => (await listClaimSummaries(article.id, {}, erin)).claims[0]!;

describe("posting a reply", () => {
  it("stores who wrote what and when, and the thread lists replies oldest first", async () => {
    const first = await reply(sam, "  Where does 4.2 million come from?  ");
    const second = await reply(erin, "From the council minutes: https://example.org/minutes");
    expect(first).toMatchObject({ claimId, author: { id: sam.id, name: SAM }, text: "Where does 4.2 million come from?", editedAt: null, deleted: false });
    const thread = await listReplies(claimId);
    expect(thread.count).toBe(2);
    expect(thread.replies.map((r) => r.id)).toEqual([first.id, second.id]);
  });

  it("records the colleagues it mentions, not the author nor unknown names", async () => {
    const posted = await reply(sam, `@${ERIN} and @${CLEO}, see this. @${SAM} @Nobody`);
    expect(await mentionRows(posted.id)).toEqual([{ userId: erin.id }, { userId: cleo.id }].sort((a, b) => a.userId.localeCompare(b.userId)));
  });

  it("does not mention a deactivated colleague", async () => {
    await db.user.update({ where: { id: cleo.id }, data: { deactivatedAt: new Date() } });
    const posted = await reply(sam, `@${CLEO}?`);
    expect(await mentionRows(posted.id)).toEqual([]);
  });

  it("bumps the claims feed so the list shows the new count, without changing the claim's version", async () => {
    const before = await listClaimSummaries(article.id, {}, erin);
    expect(before.claims[0]?.replyCount).toBe(0);
    await reply(sam, "One");
    const changes = await listClaimSummaries(article.id, {}, erin, before.cursor);
    expect(changes.claims).toHaveLength(1);
    expect(changes.claims[0]).toMatchObject({ id: claimId, replyCount: 1, version: before.claims[0]!.version, updatedAt: before.claims[0]!.updatedAt });
  });

  it("refuses a reply on a deleted or unknown claim, and by a deactivated account, storing nothing", async () => {
    await db.user.update({ where: { id: cleo.id }, data: { deactivatedAt: new Date() } });
    await expect(reply(cleo, "Hello")).rejects.toMatchObject({ kind: "forbidden" });
    await expect(reply(sam, "Hello", "c000000000000000000000000")).rejects.toMatchObject({ kind: "not_found" });
    await deleteClaim(erin, claimId);
    await expect(reply(sam, "Hello")).rejects.toMatchObject({ kind: "not_found" });
    await expect(listReplies(claimId)).rejects.toMatchObject({ kind: "not_found" });
    expect(await db.reply.count({ where: { claimId } })).toBe(0);
  });
});

describe("the reply's text rules", () => {
  it("refuses an empty and a 5,001-character reply with a message, and takes 5,000", () => {
    expect(replySchema.safeParse({ text: "   " }).error?.issues[0]?.message).toMatch(/Write something/);
    expect(replySchema.safeParse({ text: "x".repeat(5001) }).error?.issues[0]?.message).toMatch(/at most 5,000/);
    expect(replySchema.safeParse({ text: "x".repeat(5000) }).success).toBe(true);
    expect(replySchema.safeParse({ text: "hi", extra: 1 }).success).toBe(false);
  });
});

describe("editing and deleting", () => {
  it("edits own replies: text, editedAt and mentions follow", async () => {
    const posted = await reply(sam, `@${ERIN} please look`);
    const edited = await editReply(sam, posted.id, { text: `@${CLEO} please look` });
    expect(edited.text).toBe(`@${CLEO} please look`);
    expect(edited.editedAt).not.toBeNull();
    expect(await mentionRows(posted.id)).toEqual([{ userId: cleo.id }]);
  });

  it("refuses changes to someone else's reply with 403 and leaves it as it was", async () => {
    const posted = await reply(sam, "Mine");
    await expect(editReply(erin, posted.id, { text: "Hijacked" })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(deleteReply(erin, posted.id)).rejects.toMatchObject({ kind: "forbidden" });
    expect((await listReplies(claimId)).replies[0]?.text).toBe("Mine");
  });

  it("a deleted reply keeps its place without its text, and no longer counts", async () => {
    const posted = await reply(sam, `@${ERIN} oops`);
    await reply(cleo, "Another");
    await deleteReply(sam, posted.id);
    const thread = await listReplies(claimId);
    expect(thread.count).toBe(1);
    expect(thread.replies[0]).toMatchObject({ id: posted.id, deleted: true, text: null });
    expect(JSON.stringify(thread)).not.toContain("oops");
    expect(await mentionRows(posted.id)).toEqual([]);
    expect((await summary()).replyCount).toBe(1);
    await expect(editReply(sam, posted.id, { text: "Back" })).rejects.toMatchObject({ kind: "not_found" });
    await expect(deleteReply(sam, posted.id)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("answers 404 for a reply on a deleted claim", async () => {
    const posted = await reply(sam, "Soon gone");
    await deleteClaim(erin, claimId);
    await expect(editReply(sam, posted.id, { text: "Edit" })).rejects.toMatchObject({ kind: "not_found" });
  });
});
