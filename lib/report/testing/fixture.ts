import { describeRange, locate } from "@/lib/anchoring";
import { anchorFromEngine, anchorView } from "@/lib/claims/reanchor";
import { NO_REVIEW } from "@/lib/claims/review";
import type { ClaimStatus } from "@/lib/claims/statuses";
import type { ClaimEventView, ClaimView, PersonRef, SourceView } from "@/lib/claims/types";
import { buildReport } from "../model";
import type { Report, ReportInput } from "../types";

/**
 * A fixed article with four claims for the report tests and golden files: a verified claim with
 * two sources (signed off, as the tricky one is; the orphan was returned to its author), a misleading one whose passage and note are full of quotes, commas, line breaks,
 * Markdown look-alikes, Cyrillic and Greek (the "tricky" claim), an unverified one, and an
 * orphan whose passage was edited out of the article. Every date is fixed.
 */

export const ANA: PersonRef = { id: "user-ana", name: "Ana Novak" };
export const DMITRI: PersonRef = { id: "user-dmitri", name: "Dmitri Ivanov" };

export const FIXTURE_PARAGRAPHS: readonly string[] = [
  "Russian President Vladimir Putin has reportedly said that Russia is open to sending a delegation to Minsk for talks with Ukraine.",
  "Kremlin spokesman Dmitry Peskov said the offer followed a request from Kyiv, adding: “Putin can send representatives of the Ministry of Defence, the Foreign Ministry and his administration.”",
  'State television ran the headline "«Путин» готов к переговорам", while the Greek broadcaster ERT wrote "Ο Πούτιν είναι έτοιμος για συνομιλίες".',
  "European Union leaders backed a broad sanctions package late Thursday that they said will limit Russia’s access to Europe’s financial sector.",
  "NATO leaders will hold virtual talks on the alliance’s next steps starting at 3 p.m. in Brussels.",
];

export const FIXTURE_TEXT = FIXTURE_PARAGRAPHS.join("\n");

export const FIXTURE_ARTICLE: ReportInput["article"] = {
  id: "article-minsk",
  title: "Kremlin says it is “open to talks” as [sanctions] *bite*",
  outlet: "The Daily Example",
  author: "Jane Reporter",
  url: "https://news.example/world/2022/02/25/kremlin-talks?ref=rss&x=(1)",
  publishedAt: "2022-02-25T08:30:00.000Z",
  text: FIXTURE_TEXT,
};

export const FIXTURE_GENERATED_AT = new Date("2022-03-01T12:00:00.000Z");
export const FIXTURE_BASE_URL = "https://factline.example";
export const FIXTURE_ORGANIZATION = "Example Fact Desk";

/** The tricky claim's passage: the end of one paragraph, a line break and the whole next one. */
export const TRICKY_PASSAGE = "the Foreign Ministry and his administration.”\n" + (FIXTURE_PARAGRAPHS[2] ?? "");

export const TRICKY_NOTE = [
  'Misleading: the offer came with conditions, see "Peskov, 25 Feb", p. 2.',
  "Translation checked by Дмитрий — «Путин» = Putin; Greek «Ο Πούτιν» = Putin too.",
  "",
  "# Not a heading, <b>not bold</b>, [not a link](javascript:alert(1)) *or* _emphasis_ `code` | pipe",
  "- not a list item",
].join("\n");

export const ORPHAN_PASSAGE = "Talks will begin in Gomel on Monday, officials said.";

export function fixtureClaims(): ClaimView[] {
  return [
    // Out of reading order on purpose: the report must sort.
    claim({
      id: "claim-unverified",
      author: DMITRI,
      ...passage("virtual talks on the alliance’s next steps"),
      status: "UNVERIFIED",
      note: "",
      createdAt: "2022-02-26T09:00:00.000Z",
      history: [event("e-5", "created", DMITRI, null, null, "2022-02-26T09:00:00.000Z")],
    }),
    claim({
      id: "claim-verified",
      author: ANA,
      ...passage("Russia is open to sending a delegation to Minsk for talks with Ukraine"),
      status: "VERIFIED",
      // Signed off by a second editor: the only claim the ClaimReview export publishes.
      review: { state: "signed_off", by: DMITRI, at: "2022-02-25T14:00:00.000Z", comment: null },
      note: "Confirmed by the Kremlin readout and by Reuters.",
      createdAt: "2022-02-25T09:00:00.000Z",
      sources: [
        source(
          "s-1",
          "https://kremlin.example/events/president/news/67851",
          "Readout of the Kremlin briefing",
          "Kremlin",
          "Putin is open to sending a delegation to Minsk.",
          ANA,
          "2022-02-25T09:40:00.000Z",
        ),
        source(
          "s-2",
          "https://reuters.example/world/europe/putin-minsk-talks-2022-02-25/",
          "Putin ready to send delegation to Minsk",
          "Reuters",
          null,
          ANA,
          "2022-02-25T09:50:00.000Z",
        ),
      ],
      history: [
        event("e-1", "created", ANA, null, null, "2022-02-25T09:00:00.000Z"),
        event("e-2", "source_added", ANA, null, "Readout of the Kremlin briefing", "2022-02-25T09:40:00.000Z"),
        event("e-3", "source_added", ANA, null, "Putin ready to send delegation to Minsk", "2022-02-25T09:50:00.000Z"),
        event("e-4", "status", ANA, "UNVERIFIED", "VERIFIED", "2022-02-25T10:15:00.000Z"),
      ],
    }),
    claim({
      id: "claim-tricky",
      author: DMITRI,
      ...passage(TRICKY_PASSAGE),
      status: "MISLEADING",
      review: { state: "signed_off", by: ANA, at: "2022-02-28T10:00:00.000Z", comment: null },
      note: TRICKY_NOTE,
      createdAt: "2022-02-25T11:00:00.000Z",
      sources: [
        source(
          "s-3",
          "https://ert.example/news/πούτιν-συνομιλίες?lang=el",
          'ERT: «Ο Πούτιν» [live] *updates*, "quoted"',
          "ΕΡΤ",
          "«Ο Πούτιν είναι έτοιμος», said the anchor,\nthen corrected it.",
          DMITRI,
          "2022-02-25T11:20:00.000Z",
        ),
      ],
      history: [
        event("e-6", "created", DMITRI, null, null, "2022-02-25T11:00:00.000Z"),
        event(
          "e-7",
          "source_added",
          DMITRI,
          null,
          'ERT: «Ο Πούτιν» [live] *updates*, "quoted"',
          "2022-02-25T11:20:00.000Z",
        ),
        event("e-8", "status", DMITRI, "UNVERIFIED", "MISLEADING", "2022-02-25T11:30:00.000Z"),
        event("e-9", "note", DMITRI, null, "edited", "2022-02-27T16:45:00.000Z"),
      ],
    }),
    claim({
      id: "claim-orphan",
      author: ANA,
      // Marked in an earlier version of the article; that sentence has since been removed.
      position: { start: 520, end: 520 + ORPHAN_PASSAGE.length },
      quote: {
        exact: ORPHAN_PASSAGE,
        prefix: "eps starting at 3 p.m. in Brussels.\n",
        suffix: "\nThe Ukrainian delegation has not confirmed",
      },
      status: "FALSE",
      // Returned: the ClaimReview export leaves it out, and says so.
      review: {
        state: "returned",
        by: DMITRI,
        at: "2022-02-28T11:00:00.000Z",
        comment: 'Cite the ministry\'s statement itself, not "a source said";\nthen ask again.',
      },
      note: "No talks were scheduled in Gomel.",
      createdAt: "2022-02-25T12:00:00.000Z",
      sources: [
        source(
          "s-4",
          "https://gov.example/statement",
          "Statement by the Ministry of Foreign Affairs",
          null,
          null,
          ANA,
          "2022-02-25T12:10:00.000Z",
        ),
      ],
      history: [
        event("e-10", "created", ANA, null, null, "2022-02-25T12:00:00.000Z"),
        event("e-11", "status", ANA, "UNVERIFIED", "FALSE", "2022-02-25T12:20:00.000Z"),
      ],
    }),
  ];
}

export function fixtureInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    article: FIXTURE_ARTICLE,
    claims: fixtureClaims(),
    scope: { kind: "everyone" },
    generatedAt: FIXTURE_GENERATED_AT,
    baseUrl: FIXTURE_BASE_URL,
    organization: FIXTURE_ORGANIZATION,
    ...overrides,
  };
}

export function fixtureReport(): Report {
  return buildReport(fixtureInput());
}

export function emptyReport(): Report {
  return buildReport(fixtureInput({ claims: [] }));
}

function passage(exact: string): Pick<ClaimView, "position" | "quote"> {
  const start = FIXTURE_TEXT.indexOf(exact);
  if (start < 0) throw new Error(`Fixture passage not in the text: ${exact}`);
  const { position, quote } = describeRange(FIXTURE_TEXT, start, start + exact.length);
  return {
    position: { start: position.start, end: position.end },
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  };
}

interface ClaimSpec extends Pick<ClaimView, "id" | "author" | "position" | "quote" | "note" | "createdAt" | "history"> {
  status: ClaimStatus;
  sources?: SourceView[];
  review?: ClaimView["review"];
}

/** The anchor the server stores for a claim in `text` (lib/server/revisions.ts, the same engine). */
function serverAnchor(text: string, claim: Pick<ClaimView, "position" | "quote">) {
  const found = locate(text, {
    position: { type: "TextPositionSelector", ...claim.position },
    quote: { type: "TextQuoteSelector", ...claim.quote },
  });
  return anchorView(anchorFromEngine(found, 1), claim.quote.exact);
}

/** The claims as the server has them once `text` is saved as a new revision. */
export function reanchoredIn(text: string, claims: ClaimView[]): ClaimView[] {
  return claims.map((claim) => ({ ...claim, anchor: serverAnchor(text, claim) }));
}

function claim(spec: ClaimSpec): ClaimView {
  const last = spec.history.reduce((latest, e) => (e.at > latest ? e.at : latest), spec.createdAt);
  return {
    articleId: FIXTURE_ARTICLE.id,
    revision: 1,
    // Where the server would have placed it after the edits the fixture text has seen.
    anchor: serverAnchor(FIXTURE_TEXT, spec),
    version: spec.history.length,
    updatedAt: last,
    sources: [],
    review: NO_REVIEW,
    ...spec,
  };
}

export function source(
  id: string,
  url: string,
  title: string,
  publisher: string | null,
  excerpt: string | null,
  addedBy: PersonRef,
  createdAt: string,
): SourceView {
  return { id, url, title, publisher, excerpt, addedBy, createdAt };
}

function event(
  id: string,
  kind: ClaimEventView["kind"],
  actor: PersonRef,
  from: string | null,
  to: string | null,
  at: string,
): ClaimEventView {
  return { id, kind, actor, from, to, at };
}
