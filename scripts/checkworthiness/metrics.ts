/** Precision, recall, F1 of the positive class and average precision, as CheckThat! reports them. */

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(scores: number[], labels: (0 | 1)[], threshold: number): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((score, i) => {
    const predicted = score >= threshold;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Average precision: the mean of the precision at the rank of each positive (ties broken by order). */
export function averagePrecision(scores: number[], labels: (0 | 1)[]): number {
  const order = scores.map((score, i) => ({ score, label: labels[i]! })).sort((a, b) => b.score - a.score);
  const positives = order.filter((item) => item.label === 1).length;
  if (positives === 0) return 0;
  let hits = 0;
  let sum = 0;
  order.forEach((item, rank) => {
    if (item.label === 1) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return sum / positives;
}

/** The threshold (one of the scores) that maximises F1 of the positive class. */
export function bestF1Threshold(scores: number[], labels: (0 | 1)[]): { threshold: number } & Scores {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  let best = { threshold: 0.5, ...prf(scores, labels, 0.5) };
  for (const threshold of candidates) {
    const result = prf(scores, labels, threshold);
    if (result.f1 > best.f1) best = { threshold, ...result };
  }
  return best;
}

/** The lowest threshold at or above `floor` at which precision reaches `target` (or the highest score). */
export function precisionThreshold(scores: number[], labels: (0 | 1)[], target: number, floor: number): number {
  const candidates = [...new Set(scores)].filter((score) => score >= floor).sort((a, b) => a - b);
  for (const threshold of candidates) {
    if (prf(scores, labels, threshold).precision >= target) return threshold;
  }
  return candidates.at(-1) ?? floor;
}
