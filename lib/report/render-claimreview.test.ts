import { describe, expect, it } from "vitest";
import { buildReport } from "./model";
import { renderClaimReview, type ClaimReviewNode } from "./render-claimreview";
import { TRICKY_PASSAGE, emptyReport, fixtureInput, fixtureReport } from "./testing/fixture";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function parse(json: string) {
  const document = JSON.parse(json) as { "@context": string; "@graph": { "@type": string }[] };
  const reviews = document["@graph"].filter((node): node is ClaimReviewNode => node["@type"] === "ClaimReview");
  const reports = document["@graph"].filter((node) => node["@type"] === "Report") as unknown as {
    description: string;
    hasPart: { "@id": string }[];
  }[];
  return { document, reviews, reports };
}

describe("renderClaimReview", () => {
  it("is one schema.org document with a ClaimReview per signed-off claim only", () => {
    const report = fixtureReport();
    const { document, reviews } = parse(renderClaimReview(report));
    expect(document["@context"]).toBe("https://schema.org");
    // Verified and Misleading, signed off; not the Unverified one, nor the orphaned False one (returned).
    expect(reviews.map((review) => review.url)).toEqual([report.claims[0]?.link, report.claims[1]?.link]);
  });

  it("leaves out verdicts awaiting review or returned, and says how many and why", () => {
    const claims = fixtureInput().claims.map((claim) =>
      claim.id === "claim-verified"
        ? { ...claim, review: { state: "awaiting_review" as const, by: null, at: claim.updatedAt, comment: null } }
        : claim,
    );
    const { reviews, reports } = parse(renderClaimReview(buildReport(fixtureInput({ claims }))));
    expect(reviews.map((review) => review.claimReviewed)).toEqual([TRICKY_PASSAGE]);
    expect(reports[0]?.description).toBe(
      "3 of 4 claims rated (All editors’ claims); 1 signed off by a second editor is published here. " +
        "The ClaimReview export leaves out 2 rated claims not signed off by a second editor (1 awaiting review, 1 returned to its author).",
    );
  });

  it("fills every field with the right type", () => {
    const { reviews } = parse(renderClaimReview(fixtureReport()));
    for (const review of reviews) {
      expect(review["@type"]).toBe("ClaimReview");
      expect(typeof review.claimReviewed).toBe("string");
      expect(review.claimReviewed.length).toBeGreaterThan(0);
      const rating = review.reviewRating;
      expect(rating["@type"]).toBe("Rating");
      for (const value of [rating.ratingValue, rating.bestRating, rating.worstRating])
        expect(typeof value).toBe("number");
      expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating);
      expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating);
      expect([rating.worstRating, rating.bestRating]).toEqual([1, 5]);
      expect(typeof rating.alternateName).toBe("string");
      expect(review.itemReviewed).toEqual({
        "@type": "Claim",
        author: { "@type": "Person", name: "Jane Reporter" },
        datePublished: "2022-02-25",
        appearance: {
          "@type": "NewsArticle",
          url: "https://news.example/world/2022/02/25/kremlin-talks?ref=rss&x=(1)",
          headline: "Kremlin says it is “open to talks” as [sanctions] *bite*",
        },
      });
      expect(review.author).toEqual({ "@type": "Organization", name: "Example Fact Desk" });
      expect(review.datePublished).toMatch(ISO_DAY);
      expect(review.url).toMatch(/^https:\/\/factline\.example\/articles\/article-minsk\/report#claim-/);
    }
    expect(reviews.map((r) => [r.reviewRating.ratingValue, r.reviewRating.alternateName, r.datePublished])).toEqual([
      [5, "True", "2022-02-25"],
      [2, "Misleading", "2022-02-27"],
    ]);
    expect(reviews[1]?.claimReviewed).toBe(TRICKY_PASSAGE);
  });

  it("credits the outlet when the article has no author, and nobody when it has neither", () => {
    const article = fixtureInput().article;
    const outletOnly = parse(renderClaimReview(buildReport(fixtureInput({ article: { ...article, author: null } }))));
    expect(outletOnly.reviews[0]?.itemReviewed.author).toEqual({ "@type": "Organization", name: "The Daily Example" });
    const neither = parse(
      renderClaimReview(
        buildReport(
          fixtureInput({ article: { ...article, author: null, outlet: null, url: null, publishedAt: null } }),
        ),
      ),
    );
    expect(neither.reviews[0]?.itemReviewed).toEqual({
      "@type": "Claim",
      appearance: { "@type": "NewsArticle", headline: article.title },
    });
  });

  it("describes the report in its first node, which lists the reviews", () => {
    const { reports, reviews } = parse(renderClaimReview(fixtureReport()));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.description).toBe(
      "3 of 4 claims rated (All editors’ claims); 2 signed off by a second editor are published here. " +
        "The ClaimReview export leaves out 1 rated claim not signed off by a second editor (1 returned to its author).",
    );
    expect(reports[0]?.hasPart.map((part) => part["@id"])).toEqual(reviews.map((review) => review["@id"]));
  });

  it("says so when there are no claims, or none rated", () => {
    const empty = parse(renderClaimReview(emptyReport()));
    expect(empty.reviews).toEqual([]);
    expect(empty.reports[0]?.description).toBe("No claims have been marked in this article.");
    const unrated = fixtureInput().claims.map((claim) => ({ ...claim, status: "UNVERIFIED" as const }));
    const none = parse(renderClaimReview(buildReport(fixtureInput({ claims: unrated }))));
    expect(none.reviews).toEqual([]);
    expect(none.reports[0]?.description).toBe("No claim in this report has been rated yet.");
  });
});
