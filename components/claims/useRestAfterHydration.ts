"use client";

import { useEffect, useState } from "react";

/**
 * The first `first` items while the page is server-rendered and hydrated, then all of them.
 *
 * A thousand claim cards rendered on the server take a good part of the page's server time, make
 * most of its HTML, and must then be parsed and hydrated before the article's viewer can start. The first cards (what the panel shows) come with the page; the rest are rendered in one
 * task right after hydration, once the viewer is up. All are in the DOM a moment later, for screen
 * readers and find-in-page.
 *
 * One task, not a transition or a few hundred cards per task: with 1,000 cards (bench:viewer's
 * article, on a busy machine) the last card came 350-500 ms after the highlights that way against
 * 180-290 ms in one task, for more CPU, as the browser renders the page again between the slices.
 */
export function useRestAfterHydration<T>(items: T[], first: number): T[] {
  const [all, setAll] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAll(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return all || items.length <= first ? items : items.slice(0, first);
}
