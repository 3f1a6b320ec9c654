"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * The first `first` items while the page is server-rendered and hydrated, then all of them.
 *
 * A thousand claim cards rendered on the server cost the server as much as the rest of the page,
 * make most of its HTML, and must then be parsed and hydrated before the article's viewer can
 * start. The first cards (what the panel shows) come with the page; the rest are rendered right
 * after hydration as a transition, which React interrupts for input, so the page answers the
 * reader while they appear. All are in the DOM a moment later, for screen readers and
 * find-in-page as before.
 */
export function useRestAfterHydration<T>(items: T[], first: number): T[] {
  const [all, setAll] = useState(false);
  useEffect(() => startTransition(() => setAll(true)), []);
  return all || items.length <= first ? items : items.slice(0, first);
}
