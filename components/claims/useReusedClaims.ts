"use client";

import { useState } from "react";
import { reuseUnchanged } from "./reuse-unchanged";

/** `claims`, with last render's object for every claim that did not change (see reuseUnchanged). */
export function useReusedClaims<T extends { id: string }>(claims: T[]): T[] {
  const [last, setLast] = useState({ input: claims, output: claims });
  if (last.input === claims) return last.output;
  // Information from the previous render, kept the way React documents: set during render, no effect.
  const output = reuseUnchanged(last.output, claims);
  setLast({ input: claims, output });
  return output;
}
