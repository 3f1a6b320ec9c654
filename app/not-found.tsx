import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

// The app's own 404 page: Next.js's default one styles itself with an inline <style> element,
// which the pages' Content-Security-Policy blocks.
export default function NotFound() {
  return (
    <main className="login">
      <div className="card">
        <h1>Page not found</h1>
        <p>There is no page at this address. It may have been deleted, or the link is mistyped.</p>
        <p>
          <Link href="/articles">Go to the articles</Link>
        </p>
      </div>
    </main>
  );
}
