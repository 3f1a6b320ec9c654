import type { MemberSettings } from "./train-core";

const base: MemberSettings = {
  features: { wordNgrams: [1, 2], charNgrams: [], cues: true },
  minCount: 2,
  l2: 1e-4,
  positiveWeight: "balanced",
  prune: 1e-3,
};

export const EXPERIMENTS: Record<string, MemberSettings[]> = {
  base: [base],
  w1: [{ ...base, features: { ...base.features, wordNgrams: [1] } }],
  w123: [{ ...base, features: { ...base.features, wordNgrams: [1, 2, 3] } }],
  nocues: [{ ...base, features: { ...base.features, cues: false } }],
  "l2-3e-5": [{ ...base, l2: 3e-5 }],
  "l2-3e-4": [{ ...base, l2: 3e-4 }],
  "l2-1e-3": [{ ...base, l2: 1e-3 }],
  unweighted: [{ ...base, positiveWeight: 1 }],
  c345: [{ ...base, features: { ...base.features, charNgrams: [3, 4, 5] } }],
  c25: [{ ...base, features: { ...base.features, charNgrams: [2, 3, 4, 5] } }],
};
EXPERIMENTS["l2-1e-5"] = [{ ...base, l2: 1e-5 }];
EXPERIMENTS["l2-3e-6"] = [{ ...base, l2: 3e-6 }];
EXPERIMENTS["c345-3e-5"] = [{ ...base, l2: 3e-5, features: { ...base.features, charNgrams: [3, 4, 5] } }];
EXPERIMENTS["c345-1e-5"] = [{ ...base, l2: 1e-5, features: { ...base.features, charNgrams: [3, 4, 5] } }];
EXPERIMENTS["ens-w-c"] = [
  { ...base, l2: 1e-5 },
  { ...base, l2: 3e-5, features: { ...base.features, charNgrams: [3, 4, 5] } },
];
EXPERIMENTS["c2345-3e-5"] = [{ ...base, l2: 3e-5, features: { ...base.features, charNgrams: [2, 3, 4, 5] } }];
