"use client";

import { useCallback, useEffect, useState, type RefObject } from "react";
import type { Editor } from "@tiptap/core";
import { selectionToOffsets, type TextIndex } from "@/lib/anchoring";

export interface SelectedPassage {
  start: number;
  end: number;
  /** Where to float the button, relative to the container. */
  top: number;
  left: number;
}

/**
 * The passage the reader has selected in the article, as plain-text offsets. Read from the DOM
 * selection: the viewer is not editable, so ProseMirror does not track selections itself.
 */
export function useSelectedPassage(
  editor: Editor | null,
  index: TextIndex | null,
  container: RefObject<HTMLElement | null>,
): { passage: SelectedPassage | null; readNow: () => SelectedPassage | null; clear: () => void } {
  const [passage, setPassage] = useState<SelectedPassage | null>(null);

  // Also called on the keyboard shortcut, which may come before the selectionchange frame.
  const readNow = useCallback((): SelectedPassage | null => {
    const box = container.current;
    const selection = window.getSelection();
    if (!editor || !index || !box || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const dom = editor.view.dom;
    if (!dom.contains(range.startContainer) || !dom.contains(range.endContainer)) return null;
    let offsets: { start: number; end: number } | null = null;
    try {
      const from = editor.view.posAtDOM(range.startContainer, range.startOffset);
      const to = editor.view.posAtDOM(range.endContainer, range.endOffset);
      offsets = selectionToOffsets(index, from, to);
    } catch {
      offsets = null; // a selection ending inside a decoration's wrapper the view cannot resolve
    }
    if (offsets) offsets = trimWhitespace(index.text, offsets);
    if (!offsets) return null;
    const rect = range.getBoundingClientRect();
    const outer = box.getBoundingClientRect();
    return { ...offsets, top: rect.bottom - outer.top + 6, left: Math.max(0, rect.left - outer.left) };
  }, [editor, index, container]);

  const read = useCallback(() => setPassage(readNow()), [readNow]);

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(read);
    };
    document.addEventListener("selectionchange", schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", schedule);
    };
  }, [read]);

  const clear = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setPassage(null);
  }, []);

  return { passage, readNow, clear };
}

/** A triple-click selects a paragraph and the line break after it: claims quote the words only. */
function trimWhitespace(text: string, { start, end }: { start: number; end: number }) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
