"use client";

import { useEffect, useRef } from "react";

/**
 * For a control that swaps itself for a small form or prompt: when `open` turns false again, the
 * form's element that had focus is gone, so focus returns to the control instead of to <body>.
 */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const triggerRef = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    const lostFocus = !document.activeElement || document.activeElement === document.body;
    if (wasOpen.current && !open && lostFocus) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return triggerRef;
}
