/** Training one linear member of the model: vocabulary, sparse rows, fit, compact weights. */
import { featuresOf, type FeatureConfig } from "@/lib/suggestions/features";
import type { LinearMember } from "@/lib/suggestions/model";
import type { LabelledSentence } from "./data";
import { buildRows, fitLogistic } from "./logistic";

export interface MemberSettings {
  features: FeatureConfig;
  /** Features seen in fewer training sentences are dropped. */
  minCount: number;
  /** L2 strength. */
  l2: number;
  /** Weight of a positive example relative to a negative one ("balanced" = by class frequency). */
  positiveWeight: number | "balanced";
  /** Weights smaller than this in absolute value are left out of the file. */
  prune: number;
}

export function trainMember(
  train: LabelledSentence[],
  settings: MemberSettings,
  log?: (m: string) => void,
): LinearMember {
  const vectors = train.map((sentence) => featuresOf(sentence.text, settings.features));
  const counts = new Map<string, number>();
  for (const vector of vectors) for (const key of vector.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  const vocabulary = [...counts]
    .filter(([, c]) => c >= settings.minCount)
    .map(([key]) => key)
    .sort();
  const index = new Map(vocabulary.map((key, i) => [key, i]));
  const indexed = vectors.map((vector) => {
    const out = new Map<number, number>();
    for (const [key, value] of vector) {
      const i = index.get(key);
      if (i !== undefined) out.set(i, value);
    }
    return out;
  });
  const rows = buildRows(indexed, vocabulary.length);
  const labels = train.map((sentence) => sentence.label);
  const positives = labels.filter((label) => label === 1).length;
  const positiveWeight =
    settings.positiveWeight === "balanced" ? (labels.length - positives) / positives : settings.positiveWeight;
  const sampleWeights = Float64Array.from(labels, (label) => (label === 1 ? positiveWeight : 1));
  log?.(`  ${vocabulary.length} features, ${train.length} sentences, positive weight ${positiveWeight.toFixed(3)}`);
  const fitted = fitLogistic(rows, labels, { l2: settings.l2, sampleWeights, log });
  const weights: Record<string, number> = {};
  vocabulary.forEach((key, i) => {
    const weight = fitted.weights[i]!;
    if (Math.abs(weight) >= settings.prune) weights[key] = Math.round(weight * 1e4) / 1e4;
  });
  return { features: settings.features, bias: Math.round(fitted.bias * 1e4) / 1e4, weights };
}
