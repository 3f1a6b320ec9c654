import StarterKit from "@tiptap/starter-kit";
import { getSchema, type Extensions } from "@tiptap/core";

/**
 * The one set of TipTap extensions for article bodies: the viewer renders with it and the
 * importer's output must fit its schema. Editing-only helpers are off (the viewer is read-only).
 */
export const articleExtensions: Extensions = [
  StarterKit.configure({
    code: false,
    strike: false,
    underline: false,
    dropcursor: false,
    gapcursor: false,
    undoRedo: false,
    listKeymap: false,
    trailingNode: false,
    heading: { levels: [1, 2, 3, 4, 5, 6] },
    link: {
      openOnClick: true,
      autolink: false,
      linkOnPaste: false,
      protocols: [],
      isAllowedUri: (url) => /^https?:\/\//i.test(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
    },
  }),
];

export const articleSchema = getSchema(articleExtensions);
