/** The settings of the committed model (chosen by measuring on dev.tsv; docs/decisions/0022). */
import type { MemberSettings } from "./train-core";

export const MODEL_VERSION = "cw-2026-12-02.2";
/** "strong" suggestions: the precision they reach on dev.tsv. */
export const STRONG_PRECISION = 0.95;

export const MODEL_SETTINGS: MemberSettings[] = [
  {
    features: { wordNgrams: [1, 2], charNgrams: [3, 4, 5], cues: true },
    minCount: 2,
    l2: 3e-5,
    positiveWeight: "balanced",
    prune: 1e-3,
  },
];
