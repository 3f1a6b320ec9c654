import { reviewLine, type ReviewView } from "@/lib/claims/review";
import { formatDate } from "@/lib/format";

/** The claim's review, on its card for everyone (its author too): awaiting, signed off, returned. */
export function ReviewNotice({ review }: { review: ReviewView }) {
  const line = reviewLine(review, formatDate);
  if (!line) return null;
  return <p className={`claim-review review-${review.state.replace("_", "-")}`}>{line}</p>;
}
