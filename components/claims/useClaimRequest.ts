"use client";

import { useEffect, useRef, useState } from "react";
import type { ApiResult } from "./api";

/** What the card tells the editor after a refused action. `seq` re-announces a repeated message. */
export interface RequestProblem {
  message: string;
  /** 409: someone changed the claim since it was loaded; only a reload gets its new version. */
  conflict: boolean;
  seq: number;
}

/**
 * One claim's requests: a busy flag that disables its controls, and the problem to show.
 * Disabling the focused control drops focus to <body>; when the request ends, focus goes back
 * to that control (or its card) so a keyboard user keeps their place.
 */
export function useClaimRequest() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  // Said to screen readers after a success; sighted editors see the card change.
  const [notice, setNotice] = useState("");
  const focusTrail = useRef<HTMLElement[]>([]);
  const seq = useRef(0);

  useEffect(() => {
    if (busy) return;
    const trail = focusTrail.current;
    focusTrail.current = [];
    if (document.activeElement && document.activeElement !== document.body) return;
    trail.find((element) => element.isConnected && !element.matches(":disabled"))?.focus();
  }, [busy]);

  function report(message: string, conflict = false) {
    seq.current += 1;
    setProblem({ message, conflict, seq: seq.current });
  }

  /** Sends the request; on success hands its value to `onOk`, announces `success` and resolves true. */
  async function run<T>(
    request: () => Promise<ApiResult<T>>,
    onOk: (value: T) => void,
    success = "",
  ): Promise<boolean> {
    focusTrail.current = trailFrom(document.activeElement);
    setBusy(true);
    setProblem(null);
    setNotice("");
    const result = await request();
    setBusy(false);
    if (!result.ok) {
      report(result.message, result.status === 409);
      return false;
    }
    setNotice(success);
    onOk(result.value);
    return true;
  }

  return { busy, problem, notice, report, clear: () => setProblem(null), run };
}

function trailFrom(element: Element | null): HTMLElement[] {
  if (!(element instanceof HTMLElement) || element === document.body) return [];
  const card = element.closest<HTMLElement>("article[tabindex]");
  return card ? [element, card] : [element];
}
