"use client";

import { useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { Node as PMNode } from "@tiptap/pm/model";
import { EditorContent, useEditor, type UseEditorOptions } from "@tiptap/react";
import { buildTextIndex } from "@/lib/anchoring";
import type { ArticleDoc } from "@/lib/articles/document";
import { articleExtensions, articleSchema } from "@/lib/articles/extensions";
import type { PlacedClaim } from "@/lib/claims/placement";
import { createClaimHighlights, showHighlights } from "./claim-highlights";
import { ReadOnlyCaret } from "./read-only-caret";
import { highlightsFor } from "./highlight-classes";
import {
  createSuggestionUnderlines,
  showUnderlines,
  underlinesFor,
  type SuggestionMark,
} from "./suggestion-underlines";
import { StaticDocument } from "./StaticDocument";
import { useSelectedPassage } from "./useSelectedPassage";
import "./prosemirror-core.css";

export const MARK_SHORTCUT = { key: "m", label: "Alt+M" } as const;

/**
 * Options are made once per viewer: useEditor compares them with the editor's on every render
 * and calls setOptions (a full view update) when one differs.
 */
const EDITOR_OPTIONS = {
  // "Editable" only for the caret: ReadOnlyCaret refuses every change to the text.
  editable: true,
  // The server has no DOM: render the editor only after hydration (StaticDocument covers SSR).
  immediatelyRender: false,
  // TipTap's own inline <style> would need the page's CSP nonce; its rules are in prosemirror-core.css.
  injectCSS: false,
  editorProps: {
    attributes: {
      "aria-label": "Article text",
      role: "textbox",
      "aria-multiline": "true",
      "aria-readonly": "true",
      "aria-description": "Read-only. Select a passage (Shift+arrows) and press Alt+M to mark it as a claim.",
      inputmode: "none",
      spellcheck: "false",
    },
  },
} satisfies UseEditorOptions;

interface Props {
  doc: ArticleDoc;
  /** The claims to draw (already filtered). */
  claims: PlacedClaim[];
  currentUserId: string;
  activeId: string | null;
  flashId: string | null;
  onHighlightClick(id: string): void;
  /** The reader asked to mark the selected passage (plain-text offsets). Resolves when saved. */
  /** Marking a selection; without it the viewer only shows (an older revision). */
  onMark?(range: { start: number; end: number }): Promise<boolean>;
  /** What the selection's button says: "Mark as claim", or "Attach here" while re-attaching a claim. */
  markLabel?: string;
  /** Suggested claims to underline (dotted), when the reader turned suggestions on. */
  suggestions?: readonly SuggestionMark[];
}

const NO_SUGGESTIONS: readonly SuggestionMark[] = [];

/** The article in TipTap, read-only, with claims as highlights and a "Mark as claim" button on selections. */
export function ArticleViewer({
  doc,
  claims,
  currentUserId,
  activeId,
  flashId,
  onHighlightClick,
  onMark,
  markLabel = "Mark as claim",
  suggestions = NO_SUGGESTIONS,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  // The document never changes in the viewer, and positions depend on its structure only: one
  // index, built before the editor exists, serves every mapping.
  const index = useMemo(() => buildTextIndex(PMNode.fromJSON(articleSchema, doc)), [doc]);
  const highlights = useMemo(
    () => highlightsFor(claims, index, { currentUserId, activeId, flashId }),
    [claims, index, currentUserId, activeId, flashId],
  );
  // The editor's first render draws the highlights of that moment; later ones are changes to them.
  const [options] = useState(() => {
    const claimHighlights = createClaimHighlights(highlights);
    return {
      ...EDITOR_OPTIONS,
      extensions: [
        ...articleExtensions,
        claimHighlights.extension,
        createSuggestionUnderlines().extension,
        ReadOnlyCaret,
      ],
      editorProps: { ...EDITOR_OPTIONS.editorProps, decorations: claimHighlights.decorations },
      content: doc,
    };
  });
  const editor = useEditor(options);
  const { passage, readNow, clear } = useSelectedPassage(editor, index, container);

  useEffect(() => {
    if (editor) showHighlights(editor.view, highlights);
  }, [editor, highlights]);

  const underlines = useMemo(() => underlinesFor(suggestions, index), [suggestions, index]);
  useEffect(() => {
    if (editor) showUnderlines(editor.view, underlines);
  }, [editor, underlines]);

  const mark = async () => {
    const selected = readNow();
    if (selected && onMark && (await onMark({ start: selected.start, end: selected.end }))) clear();
  };
  const markRef = useRef(mark);
  useEffect(() => {
    markRef.current = mark;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyM") {
        event.preventDefault();
        void markRef.current();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!window.getSelection()?.isCollapsed) return; // the end of a drag-selection, not a click
    // Nested highlights nest in the DOM in no particular order: the innermost is the shortest claim.
    const ids = new Set<string>();
    for (
      let node = event.target as HTMLElement | null;
      node && node !== event.currentTarget;
      node = node.parentElement
    ) {
      if (node.dataset.claimId) ids.add(node.dataset.claimId);
    }
    const innermost = claims
      .filter((claim) => ids.has(claim.id) && claim.anchor.status === "anchored")
      .sort((a, b) => anchoredLength(a) - anchoredLength(b))[0];
    if (innermost) onHighlightClick(innermost.id);
  };

  return (
    // Clicks on highlights are a shortcut; every claim is also reachable from its card in the panel.
    <div className="article-body" ref={container} onClick={onClick}>
      {editor ? <EditorContent editor={editor} /> : <StaticDocument doc={doc} />}
      {passage && onMark && (
        <button
          type="button"
          className="mark-claim primary"
          style={{ top: passage.top, left: passage.left }}
          // Keep the selection: a mousedown on a button would otherwise clear it before the click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void mark()}
          aria-keyshortcuts="Alt+M"
          title={`${markLabel}: the selected passage (${MARK_SHORTCUT.label})`}
        >
          {markLabel}
        </button>
      )}
    </div>
  );
}

function anchoredLength(claim: PlacedClaim): number {
  return claim.anchor.status === "anchored" ? claim.anchor.end - claim.anchor.start : Infinity;
}
