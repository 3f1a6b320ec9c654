/**
 * lib/server/inbox.ts against a real database: which replies reach whose inbox, in what order,
 * and that "done" hides an item and lowers the count.
 */
import { faker } from "@faker-js/faker";
import { beforeEach, describe, expect, it } from "vitest";
import { replySchema } from "@/lib/discussion/schemas";
import { db } from "@/lib/server/db";
import { createClaim, deleteClaim } from "@/lib/server/claim-writes";
import { deleteReply, editReply, postReply } from "@/lib/server/discussion";
import { markInboxDone, openInboxCount, readInbox } from "@/lib/server/inbox";
import { createArticle, createUser, sessionOf, type TestArticle } from "./factories";

const SENTENCES = ["The city council approved a budget of 4.2 million euros on Tuesday.", "The bridge opens in March."];
type Session = ReturnType<typeof sessionOf>;
let erin: Session;
let sam: Session;
let cleo: Session;
let article: TestArticle;
let erinsClaim: string;
let samsClaim: string;

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
  article = await createArticle(db, erin.id, { paragraphs: SENTENCES, title: "Budget story" });
  const mark = async (user: Session, sentence: string) => {
    const start = article.text.indexOf(sentence);
    return (await createClaim(user, article.id, { position: { start, end: start + sentence.length }, quote: { exact: sentence, prefix: "", suffix: "" } })).id;
  };
  erinsClaim = await mark(erin, SENTENCES[0]!);
  samsClaim = await mark(sam, SENTENCES[1]!);
});

const reply = (user: Session, claimId: string, text: string) => postReply(user, claimId, replySchema.parse({ text }));
const kindsOf = async (user: Session) => (await readInbox(user.id)).items.map((item) => [item.kind, item.text]);

describe("what reaches an inbox", () => {
  it("replies on my claims by others, and mentions of me, newest first, linking to the claim", async () => {
    await reply(sam, erinsClaim, "First question");
    await reply(erin, erinsClaim, "My own answer");
    await reply(sam, samsClaim, `Ping @${ERIN}`);
    const inbox = await readInbox(erin.id);
    expect(inbox.items.map((item) => [item.kind, item.text])).toEqual([
      ["mention", `Ping @${ERIN}`],
      ["reply", "First question"],
    ]);
    expect(inbox.open).toBe(2);
    expect(inbox.items[1]).toMatchObject({
      claim: { id: erinsClaim, articleId: article.id, articleTitle: "Budget story", quote: SENTENCES[0] },
      from: { id: sam.id, name: SAM },
      done: false,
    });
    expect(await kindsOf(cleo)).toEqual([]);
    expect(await kindsOf(sam)).toEqual([]);
  });

  it("shows a reply on my claim that also mentions me once", async () => {
    await reply(sam, erinsClaim, `@${ERIN} look`);
    expect(await kindsOf(erin)).toEqual([["mention", `@${ERIN} look`]]);
  });

  it("drops items whose reply or claim was deleted, and follows an edit of the mentions", async () => {
    const ping = await reply(sam, samsClaim, `@${CLEO} see this`);
    expect(await openInboxCount(cleo.id)).toBe(1);
    await editReply(sam, ping.id, { text: "never mind" });
    expect(await openInboxCount(cleo.id)).toBe(0);
    const question = await reply(sam, erinsClaim, "Question");
    await deleteReply(sam, question.id);
    await reply(cleo, samsClaim, "On Sam's claim");
    await deleteClaim(sam, samsClaim);
    expect(await kindsOf(erin)).toEqual([]);
    expect(await kindsOf(sam)).toEqual([]);
  });
});

describe("marking done", () => {
  it("hides done items unless asked for, lowers the count, and can reopen them", async () => {
    await reply(sam, erinsClaim, "One");
    await reply(cleo, erinsClaim, "Two");
    const [newest, older] = (await readInbox(erin.id)).items;
    const after = await markInboxDone(erin.id, [newest!.key]);
    expect(after.open).toBe(1);
    expect(after.items.map((item) => item.key)).toEqual([older!.key]);
    const all = await readInbox(erin.id, { includeDone: true });
    expect(all.items.map((item) => [item.key, item.done])).toEqual([[newest!.key, true], [older!.key, false]]);
    // Twice is fine; keys of items one does not have are ignored.
    await markInboxDone(erin.id, [newest!.key, older!.key, "reply:someone-elses"]);
    expect(await openInboxCount(erin.id)).toBe(0);
    expect(await db.inboxDone.count({ where: { userId: erin.id } })).toBe(2);
    await markInboxDone(erin.id, [older!.key], false);
    expect(await openInboxCount(erin.id)).toBe(1);
  });

  it("one person's done marks do not touch another's inbox", async () => {
    const ping = await reply(cleo, erinsClaim, `@${SAM} and Erin`);
    await markInboxDone(erin.id, [`reply:${ping.id}`]);
    expect(await openInboxCount(erin.id)).toBe(0);
    expect(await openInboxCount(sam.id)).toBe(1);
  });
});

describe("reviews in the inbox", () => {
  it("brings a colleague's rated claim to my inbox on our article, and a returned claim back to its author", async () => {
    const { reviewClaim } = await import("@/lib/server/reviews");
    const { updateClaim } = await import("@/lib/server/claim-writes");
    // Erin added the article; Sam rates his claim: Erin is asked to review it.
    const rated = await updateClaim(sam, samsClaim, { version: 1, status: "UNPROVEN" });
    const erinsInbox = await readInbox(erin.id);
    const awaiting = erinsInbox.items.find((item) => item.kind === "awaiting_review" && item.claim.id === samsClaim);
    expect(awaiting).toMatchObject({ from: { id: sam.id }, claim: { articleId: article.id } });

    await reviewClaim(erin, samsClaim, { version: rated.version, decision: "return", comment: "Which source says so?" });
    const samsInbox = await readInbox(sam.id);
    expect(samsInbox.items.find((item) => item.kind === "returned")).toMatchObject({
      claim: { id: samsClaim },
      from: { id: erin.id },
      text: "Which source says so?",
    });
    // Reviewed: no longer waiting in Erin's inbox.
    expect((await readInbox(erin.id)).items.some((item) => item.kind === "awaiting_review" && item.claim.id === samsClaim)).toBe(false);
  });
});
