import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

// Keys that move the caret or select; everything else that would type or delete is swallowed.
const NAVIGATION = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown", "Tab", "Escape"]);

/**
 * Keeps the article unchangeable while giving it a caret, so that a keyboard user can move
 * through the text and select a passage with Shift+arrows (then Alt+M marks it). No transaction
 * that changes the document is ever applied; typing, pasting, dropping and cutting are refused
 * before they reach the DOM.
 */
export const ReadOnlyCaret = Extension.create({
  name: "readOnlyCaret",
  addProseMirrorPlugins() {
    const refuse = (_view: unknown, event: Event) => {
      event.preventDefault();
      return true;
    };
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          handleKeyDown: (_view, event) => {
            if (NAVIGATION.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return false;
            return !event.key.startsWith("F"); // function keys (F7 caret browsing, F5) pass
          },
          handleTextInput: () => true,
          handleDOMEvents: { beforeinput: refuse, paste: refuse, drop: refuse, cut: refuse },
        },
      }),
    ];
  },
});
