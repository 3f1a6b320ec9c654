import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import { articleSchema } from "@/lib/articles/extensions";
import { createClaimHighlights, highlightDecorations, showHighlights, type Highlight } from "./claim-highlights";

// Three paragraphs; positions: paragraph i's text starts at 1 + i * (PARAGRAPH.length + 2).
const PARAGRAPH = "Russia is open to sending a delegation to Minsk for talks with Ukraine.";
const start = (paragraph: number) => 1 + paragraph * (PARAGRAPH.length + 2);
const doc = {
  type: "doc",
  content: [0, 1, 2].map(() => ({ type: "paragraph", content: [{ type: "text", text: PARAGRAPH }] })),
};

const h = (id: string, paragraph: number, from: number, to: number, className = "claim-hl status-unverified mine") => ({
  id,
  from: start(paragraph) + from,
  to: start(paragraph) + to,
  className,
});

// a and b overlap in the first paragraph, c nests inside b, d is alone in the last one.
const A = h("a", 0, 0, 20);
const B = h("b", 0, 10, 40);
const C = h("c", 0, 15, 25);
const D = h("d", 2, 5, 30);

/**
 * A headless ProseMirror editor: the article's schema, the highlight plugin, and a view that only
 * applies what is dispatched to it (no DOM here; e2e/claims.spec.ts sees the drawn spans).
 */
function headless(highlights: ReturnType<typeof createClaimHighlights>) {
  let state = EditorState.create({ doc: articleSchema.nodeFromJSON(doc), plugins: [highlights.plugin] });
  return {
    get state() {
      return state;
    },
    dispatch(tr: Transaction) {
      state = state.apply(tr);
    },
  };
}

const viewerWith = (initial: Highlight[]) => headless(createClaimHighlights(initial));

/** What is drawn, as the view would draw it: each claim's range and classes. */
function drawn(set: DecorationSet): Highlight[] {
  return set
    .find()
    .map((decoration) => {
      const attrs = (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      return { id: attrs["data-claim-id"]!, from: decoration.from, to: decoration.to, className: attrs.class! };
    })
    .sort((x, y) => x.id.localeCompare(y.id));
}

/** The decorations the view gets for the i-th paragraph: the same object means nothing to redraw there. */
function paragraphSet(set: DecorationSet, state: { doc: PMNode }, i: number) {
  return set.forChild(start(i) - 1, state.doc.child(i));
}

describe("ClaimHighlights", () => {
  it("draws the highlights it is created with, before any transaction", () => {
    const viewer = viewerWith([A, B, C, D]);
    expect(drawn(highlightDecorations(viewer.state))).toEqual([A, B, C, D]);
    expect(viewer.state.doc.textBetween(A.from, A.to)).toBe("Russia is open to se");
  });

  it("gives the view's first render, before TipTap adds the plugins, the same decorations the plugin starts with", () => {
    const highlights = createClaimHighlights([A, B, C, D]);
    const viewer = headless(highlights);
    const withoutPlugins = EditorState.create({ doc: viewer.state.doc });
    expect(drawn(highlights.decorations(withoutPlugins))).toEqual([A, B, C, D]);
    expect(highlights.decorations(viewer.state)).toBe(highlights.decorations(withoutPlugins));
    showHighlights(viewer, [A, B]);
    expect(drawn(highlights.decorations(viewer.state))).toEqual([A, B]);
  });

  it("keeps the same decorations when nothing changed", () => {
    const viewer = viewerWith([A, B, C, D]);
    const before = highlightDecorations(viewer.state);
    showHighlights(viewer, [{ ...D }, { ...C }, { ...B }, { ...A }]);
    expect(highlightDecorations(viewer.state)).toBe(before);
  });

  it("redraws only the paragraph of a claim whose class changed", () => {
    const viewer = viewerWith([A, B, C, D]);
    const before = highlightDecorations(viewer.state);
    const activeD = { ...D, className: `${D.className} is-active` };
    showHighlights(viewer, [A, B, C, activeD]);

    const after = highlightDecorations(viewer.state);
    expect(drawn(after)).toEqual([A, B, C, activeD]);
    // The view compares these per paragraph: the first one's are untouched, the last one's are new.
    expect(paragraphSet(after, viewer.state, 0)).toBe(paragraphSet(before, viewer.state, 0));
    expect(paragraphSet(after, viewer.state, 2)).not.toBe(paragraphSet(before, viewer.state, 2));
  });

  it("moves the active class from one claim to another and leaves the rest alone", () => {
    const active = (x: Highlight) => ({ ...x, className: `${x.className} is-active` });
    const viewer = viewerWith([active(A), B, C, D]);
    const before = highlightDecorations(viewer.state);
    showHighlights(viewer, [A, active(C), B, D]);

    expect(drawn(highlightDecorations(viewer.state))).toEqual([A, B, active(C), D]);
    expect(paragraphSet(highlightDecorations(viewer.state), viewer.state, 2)).toBe(
      paragraphSet(before, viewer.state, 2),
    );
  });

  it("removes a deleted claim's highlight and adds a colleague's new one", () => {
    const viewer = viewerWith([A, B, C, D]);
    const theirs = h("e", 1, 3, 12, "claim-hl status-false theirs");
    showHighlights(viewer, [A, C, D, theirs]);
    expect(drawn(highlightDecorations(viewer.state))).toEqual([A, C, D, theirs]);

    showHighlights(viewer, [A, C, theirs]);
    expect(drawn(highlightDecorations(viewer.state))).toEqual([A, C, theirs]);
    expect(highlightDecorations(viewer.state).find(D.from, D.to)).toEqual([]);
  });

  it("follows a claim whose passage moved (re-anchored)", () => {
    const viewer = viewerWith([A, B, C, D]);
    const moved = h("c", 1, 0, 6);
    showHighlights(viewer, [A, B, moved, D]);
    expect(drawn(highlightDecorations(viewer.state))).toEqual([A, B, moved, D]);
    expect(viewer.state.doc.textBetween(moved.from, moved.to)).toBe("Russia");
  });

  it("nests two claims with the same range as two decorations", () => {
    const twin = { ...A, id: "a2", className: "claim-hl status-verified theirs" };
    const viewer = viewerWith([A, twin]);
    expect(drawn(highlightDecorations(viewer.state))).toEqual([A, twin]);
    showHighlights(viewer, [twin]);
    expect(drawn(highlightDecorations(viewer.state))).toEqual([twin]);
  });

  it("clears every highlight when given none, and draws them again", () => {
    const viewer = viewerWith([A, B, C, D]);
    showHighlights(viewer, []);
    expect(highlightDecorations(viewer.state).find()).toEqual([]);
    showHighlights(viewer, [A, B, C, D]);
    expect(drawn(highlightDecorations(viewer.state))).toEqual([A, B, C, D]);
  });
});
