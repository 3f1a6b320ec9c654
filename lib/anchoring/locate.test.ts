import { describe, expect, it } from "vitest";
import { createLocator, locate, type Anchor } from "./locate";
import { describeRange, type ClaimSelectors } from "./selectors";
import { ARTICLE_PARAGRAPHS, ARTICLE_TEXT, paragraph, rangeOf } from "./testing/sample-article";

const NATO = paragraph(11); // "Leaders from the North Atlantic Treaty Organization, NATO, … at 3 p.m. in Brussels."
const PESKOV = paragraph(3); // "A readout from Kremlin spokesman, Dmitry Peskov, stated that … Volodymyr Zelenskyy."

function claimOn(text: string, passage: string, from = 0): ClaimSelectors {
  const { start, end } = rangeOf(text, passage, from);
  return describeRange(text, start, end);
}

function join(paragraphs: readonly string[]): string {
  return paragraphs.join("\n");
}

function withParagraph(index: number, replacement: string | null, paragraphs = ARTICLE_PARAGRAPHS): string {
  const copy = [...paragraphs];
  if (replacement === null) copy.splice(index, 1);
  else copy[index] = replacement;
  return join(copy);
}

function expectAnchoredAt(anchor: Anchor, text: string, expected: string, method?: string): void {
  if (anchor.status !== "anchored") throw new Error(`Expected an anchor, got orphan: ${anchor.reason}`);
  expect(text.slice(anchor.start, anchor.end)).toBe(expected);
  if (method) expect(anchor.method).toBe(method);
}

function expectOrphaned(anchor: Anchor): string {
  if (anchor.status !== "orphaned") throw new Error(`Expected an orphan, got anchor at ${anchor.start}–${anchor.end}`);
  expect(anchor.reason.length).toBeGreaterThan(20);
  return anchor.reason;
}

describe("locate: unchanged article", () => {
  it("anchors by position when the text there is still the quote", () => {
    const claim = claimOn(ARTICLE_TEXT, NATO);
    const anchor = locate(ARTICLE_TEXT, claim);
    expect(anchor).toEqual({
      status: "anchored",
      start: claim.position.start,
      end: claim.position.end,
      method: "position",
      score: 1,
    });
  });

  it("anchors a quote that is the whole text", () => {
    const text = "Minsk was chosen as the venue.";
    expectAnchoredAt(locate(text, describeRange(text, 0, text.length)), text, text, "position");
    const edited = "Minsk was chosen as the venue!";
    expectAnchoredAt(locate(edited, describeRange(text, 0, text.length)), edited, edited, "fuzzy");
  });
});

describe("locate: text inserted or removed elsewhere", () => {
  it("finds the quote verbatim after a paragraph is inserted before it", () => {
    const claim = claimOn(ARTICLE_TEXT, NATO);
    const edited = join(["BREAKING: Explosions were heard in Kyiv overnight, officials said.", ...ARTICLE_PARAGRAPHS]);
    expectAnchoredAt(locate(edited, claim), edited, NATO, "exact");
  });

  it("finds a short phrase verbatim after words are inserted just before it in the same sentence", () => {
    const claim = claimOn(ARTICLE_TEXT, "3 p.m. in Brussels");
    const edited = withParagraph(11, NATO.replace("starting at", "starting, according to a NATO spokesperson, at"));
    expectAnchoredAt(locate(edited, claim), edited, "3 p.m. in Brussels", "exact");
  });

  it("finds the quote after a paragraph before it is deleted", () => {
    const claim = claimOn(ARTICLE_TEXT, PESKOV);
    const edited = withParagraph(1, null);
    expectAnchoredAt(locate(edited, claim), edited, PESKOV, "exact");
  });
});

describe("locate: claims at the edges of the text", () => {
  it("keeps a claim on the first sentence when a headline is added above and the sentence edited", () => {
    const first = paragraph(0);
    const claim = claimOn(ARTICLE_TEXT, first);
    expect(claim.quote.prefix).toBe("");
    const editedSentence = first.replace("has reportedly said", "has said");
    const edited = "Kremlin signals openness to talks\n" + ARTICLE_TEXT.replace(first, editedSentence);
    expectAnchoredAt(locate(edited, claim), edited, editedSentence, "fuzzy");
  });

  it("keeps a claim on the last sentence when its final word changes", () => {
    const last = paragraph(14);
    const claim = claimOn(ARTICLE_TEXT, last);
    expect(claim.quote.suffix).toBe("");
    const editedSentence = last.replace("itself.”", "herself.”");
    const edited = ARTICLE_TEXT.replace(last, editedSentence);
    expectAnchoredAt(locate(edited, claim), edited, editedSentence, "fuzzy");
  });
});

describe("locate: the claim's own sentence edited", () => {
  it("follows a changed word to the edited sentence", () => {
    const claim = claimOn(ARTICLE_TEXT, NATO);
    const editedSentence = NATO.replace("virtual talks", "emergency talks");
    const edited = join(["Updated at 11:40.", ...withParagraph(11, editedSentence).split("\n")]);
    const anchor = locate(edited, claim);
    expectAnchoredAt(anchor, edited, editedSentence, "fuzzy");
    expect(anchor.status === "anchored" && anchor.score).toBeGreaterThan(0.9);
  });

  it("follows a fixed typo and a changed spelling of a name", () => {
    const withTypo = withParagraph(3, PESKOV.replace("Kremlin spokesman", "Kremlin spokesmna"));
    const claim = claimOn(withTypo, "Dmitry Peskov, stated that Russia is now open to talks");
    const fixed = withParagraph(3, PESKOV.replace("Dmitry Peskov", "Dmitri Peskov"));
    expectAnchoredAt(locate(fixed, claim), fixed, "Dmitri Peskov, stated that Russia is now open to talks", "fuzzy");
  });

  it("ends where the edited sentence ends when its last character changed", () => {
    const claim = claimOn(ARTICLE_TEXT, paragraph(5));
    const editedSentence = "The readout added that Minsk was chosen as the venue for the proposed talks!";
    const edited = withParagraph(5, editedSentence);
    expectAnchoredAt(locate(edited, claim), edited, editedSentence, "fuzzy");
  });

  it("orphans a sentence rewritten beyond recognition", () => {
    const claim = claimOn(ARTICLE_TEXT, NATO);
    const edited = withParagraph(
      11,
      "NATO leaders are due to confer by video link this afternoon, a spokesperson said.",
    );
    expectOrphaned(locate(edited, claim));
  });
});

describe("locate: the quote occurs more than once", () => {
  // "the Russian forces" occurs in two sentences with different surroundings.
  const first = ARTICLE_TEXT.indexOf("the Russian forces");
  const second = ARTICLE_TEXT.indexOf("the Russian forces", first + 1);

  it("uses the context to pick the right occurrence when the position is stale", () => {
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    for (const at of [first, second]) {
      const claim = describeRange(ARTICLE_TEXT, at, at + "the Russian forces".length);
      const inserted = "Live updates: this story is being updated as events unfold.\n";
      const edited = inserted + ARTICLE_TEXT;
      const anchor = locate(edited, claim);
      expectAnchoredAt(anchor, edited, "the Russian forces", "exact");
      expect(anchor.status === "anchored" && anchor.start).toBe(at + inserted.length);
    }
  });

  it("uses the context even when the stale position points nearer the wrong occurrence", () => {
    const claim = describeRange(ARTICLE_TEXT, second, second + "the Russian forces".length);
    // Delete a long stretch before the claim so that its old offset is now near the first occurrence.
    const edited = withParagraph(2, null, withParagraph(3, null).split("\n"));
    const anchor = locate(edited, claim);
    const expectedStart = edited.indexOf("the Russian forces", edited.indexOf("the Russian forces") + 1);
    expect(anchor).toMatchObject({ status: "anchored", start: expectedStart, method: "exact" });
  });

  it("orphans rather than guesses when the context cannot tell the occurrences apart", () => {
    // A passage pasted twice: each sentence has the same neighbours in both copies.
    const block = ARTICLE_PARAGRAPHS.slice(6, 9);
    const text = join(["Live updates.", ...block, "Earlier today:", ...block, "More to follow."]);
    const claim = claimOn(text, paragraph(7));
    // Unchanged text: the position still holds.
    expect(locate(text, claim)).toMatchObject({ status: "anchored", method: "position" });
    // After an insertion both copies are verbatim matches with identical surroundings.
    const edited = "Correction appended.\n" + text;
    const reason = expectOrphaned(locate(edited, claim));
    expect(reason).toMatch(/2 places/);
  });

  it("orphans when two copies remain after the claimed one is edited beyond the threshold", () => {
    const block = ARTICLE_PARAGRAPHS.slice(6, 9);
    const text = join(["Live updates.", ...block, "Earlier today:", ...block, "Summary:", ...block, "End."]);
    const second = text.indexOf(paragraph(7), text.indexOf(paragraph(7)) + 1);
    const claim = describeRange(text, second, second + paragraph(7).length);
    const edited =
      text.slice(0, second) +
      "The report said troops had reached the capital." +
      text.slice(second + paragraph(7).length);
    expectOrphaned(locate(edited, claim));
  });
});

describe("locate: the quote is gone", () => {
  it("orphans a claim whose sentence was deleted", () => {
    const claim = claimOn(ARTICLE_TEXT, NATO);
    expect(expectOrphaned(locate(withParagraph(11, null), claim))).toMatch(/no longer in the article/);
  });

  it("orphans a short quote that survives only in other surroundings", () => {
    // "Minsk" occurs twice; the claim is on the second. Deleting that paragraph leaves one "Minsk".
    const second = ARTICLE_TEXT.indexOf("Minsk", ARTICLE_TEXT.indexOf("Minsk") + 1);
    const claim = describeRange(ARTICLE_TEXT, second, second + "Minsk".length);
    const edited = withParagraph(5, null);
    expect(edited.split("Minsk").length - 1).toBe(1);
    expectOrphaned(locate(edited, claim));
  });
});

describe("locate: a lookalike sentence must not capture the claim", () => {
  const LOOKALIKE_TIME = NATO.replace("3 p.m.", "5 p.m.");
  const LOOKALIKE_NAME = paragraph(12)
    .replace("Zelenskiy", "Putin")
    .replace("Ukraine’s", "Russia’s")
    .replace("prevented Russia", "prevented Ukraine");

  it("anchors the in-place edit (same surroundings) but not a lookalike elsewhere", () => {
    const claim = claimOn(ARTICLE_TEXT, NATO);

    // Edited in place: this is the claim's sentence, with its number changed.
    const inPlace = withParagraph(11, LOOKALIKE_TIME);
    expectAnchoredAt(locate(inPlace, claim), inPlace, LOOKALIKE_TIME, "fuzzy");

    // Original deleted; a sentence differing only by its number sits in another paragraph.
    const elsewhere = join([
      ...withParagraph(11, null).split("\n").slice(0, 3),
      LOOKALIKE_TIME,
      ...withParagraph(11, null).split("\n").slice(3),
    ]);
    const reason = expectOrphaned(locate(elsewhere, claim));
    expect(reason).toMatch(/surroundings/);
  });

  it("does not let a lookalike right after the deleted sentence capture it", () => {
    // Before: … NATO (3 p.m.) · lookalike (5 p.m.) · … ; the claim is on the 3 p.m. sentence.
    const paragraphs = [...ARTICLE_PARAGRAPHS];
    paragraphs.splice(12, 0, LOOKALIKE_TIME);
    const before = join(paragraphs);
    const claim = claimOn(before, NATO);
    paragraphs.splice(11, 1);
    const after = join(paragraphs);
    expectOrphaned(locate(after, claim));
  });

  it("does not move a claim to the same sentence about another person", () => {
    const claim = claimOn(ARTICLE_TEXT, paragraph(12));
    const edited = join([
      ...withParagraph(12, null).split("\n").slice(0, 2),
      LOOKALIKE_NAME,
      ...withParagraph(12, null).split("\n").slice(2),
    ]);
    expectOrphaned(locate(edited, claim));
  });

  it("picks the in-place edit over an untouched lookalike elsewhere", () => {
    const paragraphs = [...ARTICLE_PARAGRAPHS];
    paragraphs.splice(2, 0, LOOKALIKE_TIME);
    const before = join(paragraphs);
    const claim = claimOn(before, NATO);
    const editedSentence = NATO.replace("virtual talks", "virtual meetings");
    const after = before.replace(NATO, editedSentence);
    const anchor = locate(after, claim);
    expectAnchoredAt(anchor, after, editedSentence, "fuzzy");
    expect(anchor.status === "anchored" && anchor.start).toBe(after.indexOf(editedSentence));
  });
});

describe("locate: Unicode", () => {
  it("matches composed and decomposed accents, returning offsets into the real text", () => {
    const composed = "Le président Macron a appelé Poutine. Une délégation française se rendra à Minsk mercredi.";
    const decomposed = composed.normalize("NFD");
    expect(decomposed.length).toBeGreaterThan(composed.length);
    const passage = "Une délégation française se rendra à Minsk";

    const claim = claimOn(composed, passage);
    const inserted = "Mise à jour : " + decomposed;
    const anchor = locate(inserted, claim);
    expectAnchoredAt(anchor, inserted, passage.normalize("NFD"), "exact");

    const reverse = claimOn(decomposed, passage.normalize("NFD"));
    const editedComposed = "Mise à jour : " + composed.replace("mercredi", "jeudi");
    expectAnchoredAt(locate(editedComposed, reverse), editedComposed, passage, "exact");
  });

  it("anchors fuzzily in decomposed text without cutting a letter from its accent", () => {
    const composed = "La délégation a été reçue à Minsk. Les négociations débuteront à Brest-Litovsk.";
    const claim = claimOn(composed, "Les négociations débuteront à Brest");
    const edited = ("Direct. " + composed.replace("débuteront", "commenceront")).normalize("NFD");
    const anchor = locate(edited, claim);
    expectAnchoredAt(anchor, edited, "Les négociations commenceront à Brest".normalize("NFD"), "fuzzy");
  });

  it("keeps emoji whole and finds quotes after emoji are inserted", () => {
    const text = "Crowds gathered 🇺🇦 outside the embassy 🙏🏽 in Warsaw. Police said 12 people were detained.";
    const claim = claimOn(text, "Police said 12 people were detained.");
    const edited = "🔴 LIVE 👀 " + text;
    expectAnchoredAt(locate(edited, claim), edited, "Police said 12 people were detained.", "exact");

    const emojiClaim = claimOn(text, "outside the embassy 🙏🏽");
    const edited2 = text.replace("Crowds", "Large crowds");
    expectAnchoredAt(locate(edited2, emojiClaim), edited2, "outside the embassy 🙏🏽", "exact");
    const edited3 = edited2.replace("embassy", "embasy");
    expectAnchoredAt(locate(edited3, emojiClaim), edited3, "outside the embasy 🙏🏽", "fuzzy");
  });

  it("never returns a range that splits a surrogate pair", () => {
    const text = "Talks 😀😀 resumed in Minsk 😀 on Friday, officials said 😀😀.";
    const claim = claimOn(text, "resumed in Minsk 😀");
    for (const edited of [text.replace("resumed", "resume"), "😀" + text.replace("Minsk", "Minks")]) {
      const anchor = locate(edited, claim);
      if (anchor.status !== "anchored") throw new Error(anchor.reason);
      const slice = edited.slice(anchor.start, anchor.end);
      expect(slice).toBe(slice.normalize()); // lone surrogates would not survive toWellFormed below
      expect(slice.isWellFormed()).toBe(true);
    }
  });
});

describe("locate: malformed selectors", () => {
  it("orphans an empty quote and tolerates a nonsense position", () => {
    const claim = claimOn(ARTICLE_TEXT, NATO);
    expectOrphaned(locate(ARTICLE_TEXT, { ...claim, quote: { ...claim.quote, exact: "" } }));
    const bad = { ...claim, position: { type: "TextPositionSelector" as const, start: -5, end: 1e9 } };
    expectAnchoredAt(locate(ARTICLE_TEXT, bad), ARTICLE_TEXT, NATO, "exact");
  });
});

describe("createLocator", () => {
  it("gives the same answers as locate for many claims on one text", () => {
    const edited = "Editor's note: updated.\n" + ARTICLE_TEXT.replace("virtual talks", "video talks");
    const locator = createLocator(edited);
    for (const passage of ARTICLE_PARAGRAPHS) {
      const claim = claimOn(ARTICLE_TEXT, passage);
      expect(locator(claim)).toEqual(locate(edited, claim));
    }
  });
});
