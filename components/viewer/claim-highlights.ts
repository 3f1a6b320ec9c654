import { Extension, type AnyExtension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";

export interface Highlight {
  id: string;
  from: number;
  to: number;
  className: string;
}

/** The decorations shown, and which highlight each claim's decoration was made from. */
interface HighlightsState {
  decorations: DecorationSet;
  drawn: ReadonlyMap<string, { highlight: Highlight; decoration: Decoration }>;
}

const key = new PluginKey<HighlightsState>("claimHighlights");

const decorationOf = (h: Highlight) =>
  Decoration.inline(h.from, h.to, { nodeName: "span", class: h.className, "data-claim-id": h.id }, { id: h.id });

const sameHighlight = (a: Highlight, b: Highlight) => a.from === b.from && a.to === b.to && a.className === b.className;

function initialState(doc: PMNode, highlights: readonly Highlight[]): HighlightsState {
  const drawn = new Map<string, { highlight: Highlight; decoration: Decoration }>();
  for (const highlight of highlights) drawn.set(highlight.id, { highlight, decoration: decorationOf(highlight) });
  return {
    // create() consumes its array: give it one of its own.
    decorations: DecorationSet.create(
      doc,
      [...drawn.values()].map((entry) => entry.decoration),
    ),
    drawn,
  };
}

/**
 * The next state, touching only the claims whose highlight changed: their old decoration is
 * removed and a new one added; every other decoration stays, and so does the part of the set
 * (and of the DOM) for every paragraph none of them is in. A status change, a colleague's new
 * claim or the active claim moving (two claims) redraws one or two passages, not all of them.
 */
function nextState(doc: PMNode, current: HighlightsState, highlights: readonly Highlight[]): HighlightsState {
  const wanted = new Map(highlights.map((highlight) => [highlight.id, highlight]));
  const removed: Decoration[] = [];
  const added: Decoration[] = [];
  const drawn = new Map<string, { highlight: Highlight; decoration: Decoration }>();
  for (const [id, entry] of current.drawn) {
    const next = wanted.get(id);
    if (!next || !sameHighlight(next, entry.highlight)) removed.push(entry.decoration);
  }
  for (const [id, highlight] of wanted) {
    const entry = current.drawn.get(id);
    if (entry && sameHighlight(entry.highlight, highlight)) {
      drawn.set(id, entry);
    } else {
      const decoration = decorationOf(highlight);
      added.push(decoration);
      drawn.set(id, { highlight, decoration });
    }
  }
  if (removed.length === 0 && added.length === 0) return current;
  return { decorations: current.decorations.remove(removed).add(doc, added), drawn };
}

export interface ClaimHighlights {
  /** The TipTap extension that keeps the highlights in the editor's state (with `plugin`). */
  extension: AnyExtension;
  plugin: Plugin;
  /**
   * The `decorations` editor prop that draws them. TipTap renders a new view once without any
   * extension's plugins and only then adds them: given as an editor prop, the initial highlights
   * are in that very first render instead of patched onto the whole article right after it.
   */
  decorations(state: EditorState): DecorationSet;
}

/**
 * Claims drawn as decorations keyed by claim id, never as marks: the document stays the
 * article, and the highlights are recomputed from stored selectors. Each decoration is its own
 * <span>, so overlapping and nested claims nest in the DOM and a click finds the innermost.
 * `initial` is drawn from the editor's first render on; `showHighlights` changes it.
 */
export function createClaimHighlights(initial: readonly Highlight[]): ClaimHighlights {
  // One initial state per document, shared by the first render and the plugin's init, so that
  // the view finds the very same decorations when the plugin arrives and has nothing to redraw.
  let first: { doc: PMNode; value: HighlightsState } | null = null;
  const initialFor = (doc: PMNode): HighlightsState => {
    if (first?.doc !== doc) first = { doc, value: initialState(doc, initial) };
    return first.value;
  };
  const plugin = new Plugin<HighlightsState>({
    key,
    state: {
      init: (_config, state) => initialFor(state.doc),
      apply(tr, current) {
        const next = tr.getMeta(key) as readonly Highlight[] | undefined;
        if (next) return nextState(tr.doc, current, next);
        if (!tr.docChanged) return current;
        // The viewer refuses document changes; should one come, keep the highlights on their text.
        return initialState(
          tr.doc,
          [...current.drawn.values()].flatMap(({ highlight }) => {
            const from = tr.mapping.map(highlight.from, 1);
            const to = tr.mapping.map(highlight.to, -1);
            return from < to ? [{ ...highlight, from, to }] : [];
          }),
        );
      },
    },
  });
  return {
    extension: Extension.create({ name: "claimHighlights", addProseMirrorPlugins: () => [plugin] }),
    plugin,
    decorations: (state) => (key.getState(state) ?? initialFor(state.doc)).decorations,
  };
}

/** Shows exactly these highlights; only those that differ from what is drawn are redrawn. */
export function showHighlights(view: Pick<EditorView, "state" | "dispatch">, highlights: readonly Highlight[]): void {
  view.dispatch(view.state.tr.setMeta(key, highlights).setMeta("addToHistory", false));
}

/** The highlights' decorations in this state (none before the plugin is added). */
export function highlightDecorations(state: EditorState): DecorationSet {
  return key.getState(state)?.decorations ?? DecorationSet.empty;
}
