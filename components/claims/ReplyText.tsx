import { Fragment } from "react";
import { linkSegments } from "@/lib/discussion/links";

/** A reply's plain text with its http(s) links clickable: React elements, never HTML. */
export function ReplyText({ text }: { text: string }) {
  return (
    <p className="reply-text">
      {linkSegments(text).map((segment, index) =>
        segment.kind === "link" ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </p>
  );
}
