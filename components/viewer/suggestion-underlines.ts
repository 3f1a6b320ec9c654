import { Extension, type AnyExtension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { offsetsToRange, type TextIndex } from "@/lib/anchoring";
import { STRENGTH_LABEL, type SuggestionStrength } from "@/lib/claim-suggestions/visible";

/** A suggested claim to underline: plain-text offsets into the article (decision 0023). */
export interface SuggestionMark {
  id: string;
  start: number;
  end: number;
  strength: SuggestionStrength;
}

interface Underline {
  id: string;
  from: number;
  to: number;
  strength: SuggestionStrength;
}

const key = new PluginKey<DecorationSet>("suggestionUnderlines");

/**
 * Suggested claims as decorations, like claim highlights (claim-highlights.ts) but apart from
 * them: their own plugin, class and data attribute, so neither redraws the other. Each is a
 * <span> with a dotted underline, `role="mark"` and a description a screen reader reads
 * ("Suggested claim, strong"). Suggestions change rarely (a dismissal, a new claim), so the whole
 * set is rebuilt when they do.
 */
export function createSuggestionUnderlines(): { extension: AnyExtension } {
  const plugin = new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, current) {
        const next = tr.getMeta(key) as readonly Underline[] | undefined;
        if (next) return DecorationSet.create(tr.doc, next.map(decorationOf));
        return tr.docChanged ? current.map(tr.mapping, tr.doc) : current;
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
  return { extension: Extension.create({ name: "suggestionUnderlines", addProseMirrorPlugins: () => [plugin] }) };
}

const decorationOf = (u: Underline) =>
  Decoration.inline(
    u.from,
    u.to,
    {
      nodeName: "span",
      class: `suggestion-ul suggestion-${u.strength}`,
      "data-suggestion-id": u.id,
      role: "mark",
      "aria-description": `Suggested claim, ${STRENGTH_LABEL[u.strength].toLowerCase()}`,
    },
    { id: u.id },
  );

/** The underlines for these suggestions in the viewer's document. */
export function underlinesFor(suggestions: readonly SuggestionMark[], index: TextIndex): Underline[] {
  return suggestions.flatMap((suggestion) => {
    const { from, to } = offsetsToRange(index, suggestion.start, suggestion.end);
    return from < to ? [{ id: suggestion.id, from, to, strength: suggestion.strength }] : [];
  });
}

/** Shows exactly these underlines. */
export function showUnderlines(view: Pick<EditorView, "state" | "dispatch">, underlines: readonly Underline[]): void {
  view.dispatch(view.state.tr.setMeta(key, underlines).setMeta("addToHistory", false));
}
