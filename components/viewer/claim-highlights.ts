import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export interface Highlight {
  id: string;
  from: number;
  to: number;
  className: string;
}

const key = new PluginKey<DecorationSet>("claimHighlights");

/**
 * Claims drawn as decorations keyed by claim id, never as marks: the document stays the
 * article, and the highlights are recomputed from stored selectors. Each decoration is its own
 * <span>, so overlapping and nested claims nest in the DOM and a click finds the innermost.
 */
export const ClaimHighlights = Extension.create({
  name: "claimHighlights",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, decorations) {
            const next = tr.getMeta(key) as Highlight[] | undefined;
            if (!next) return decorations.map(tr.mapping, tr.doc);
            return DecorationSet.create(
              tr.doc,
              next.map((h) =>
                Decoration.inline(h.from, h.to, { nodeName: "span", class: h.className, "data-claim-id": h.id }, { id: h.id }),
              ),
            );
          },
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});

export function showHighlights(editor: Editor, highlights: Highlight[]): void {
  editor.view.dispatch(editor.state.tr.setMeta(key, highlights).setMeta("addToHistory", false));
}
