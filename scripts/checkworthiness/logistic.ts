/**
 * Weighted, L2-regularised logistic regression over sparse rows, fitted by L-BFGS on the whole
 * training set: no random order, so the same data and settings give the same weights every run.
 */

export interface SparseRows {
  /** Row i's features are indices[offsets[i]..offsets[i+1]) with values values[...]. */
  offsets: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  columns: number;
}

export interface FitOptions {
  /** L2 strength on the weights (not the bias), per example. */
  l2: number;
  /** Weight of each example in the loss (class weighting). */
  sampleWeights: Float64Array;
  maxIterations?: number;
  tolerance?: number;
  log?: (message: string) => void;
}

export interface Fitted {
  weights: Float64Array;
  bias: number;
}

export function buildRows(vectors: Map<number, number>[], columns: number): SparseRows {
  const offsets = new Int32Array(vectors.length + 1);
  let total = 0;
  vectors.forEach((vector, i) => {
    total += vector.size;
    offsets[i + 1] = total;
  });
  const indices = new Int32Array(total);
  const values = new Float64Array(total);
  let at = 0;
  for (const vector of vectors) {
    for (const [index, value] of [...vector].sort((a, b) => a[0] - b[0])) {
      indices[at] = index;
      values[at] = value;
      at++;
    }
  }
  return { offsets, indices, values, columns };
}

export function margins(rows: SparseRows, fitted: Fitted): Float64Array {
  const n = rows.offsets.length - 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = fitted.bias;
    for (let k = rows.offsets[i]!; k < rows.offsets[i + 1]!; k++)
      z += fitted.weights[rows.indices[k]!]! * rows.values[k]!;
    out[i] = z;
  }
  return out;
}

const log1pExp = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Parameters: [w_0 .. w_{d-1}, b]. Returns the loss and writes the gradient. */
function lossAndGradient(
  rows: SparseRows,
  labels: (0 | 1)[],
  options: FitOptions,
  x: Float64Array,
  grad: Float64Array,
): number {
  const d = rows.columns;
  const n = labels.length;
  grad.fill(0);
  let weightTotal = 0;
  for (let i = 0; i < n; i++) weightTotal += options.sampleWeights[i]!;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let z = x[d]!;
    const from = rows.offsets[i]!;
    const to = rows.offsets[i + 1]!;
    for (let k = from; k < to; k++) z += x[rows.indices[k]!]! * rows.values[k]!;
    const c = options.sampleWeights[i]! / weightTotal;
    const y = labels[i]!;
    loss += c * (log1pExp(z) - y * z);
    const g = c * (sigmoid(z) - y);
    for (let k = from; k < to; k++) grad[rows.indices[k]!]! += g * rows.values[k]!;
    grad[d]! += g;
  }
  for (let j = 0; j < d; j++) {
    loss += 0.5 * options.l2 * x[j]! * x[j]!;
    grad[j]! += options.l2 * x[j]!;
  }
  return loss;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

export function fitLogistic(rows: SparseRows, labels: (0 | 1)[], options: FitOptions): Fitted {
  const dim = rows.columns + 1;
  const memory = 10;
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 1e-7;
  let x = new Float64Array(dim);
  let grad = new Float64Array(dim);
  let loss = lossAndGradient(rows, labels, options, x, grad);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const nextGrad = new Float64Array(dim);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Two-loop recursion: direction = -H * grad.
    const q = Float64Array.from(grad);
    const alpha: number[] = [];
    for (let k = s.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(s[k]!, q);
      alpha[k] = a;
      for (let j = 0; j < dim; j++) q[j]! -= a * y[k]![j]!;
    }
    const gamma = s.length > 0 ? dot(s.at(-1)!, y.at(-1)!) / dot(y.at(-1)!, y.at(-1)!) : 1 / Math.sqrt(dot(grad, grad));
    for (let j = 0; j < dim; j++) q[j]! *= gamma;
    for (let k = 0; k < s.length; k++) {
      const b = rho[k]! * dot(y[k]!, q);
      for (let j = 0; j < dim; j++) q[j]! += s[k]![j]! * (alpha[k]! - b);
    }
    for (let j = 0; j < dim; j++) q[j] = -q[j]!;
    let slope = dot(grad, q);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let j = 0; j < dim; j++) q[j] = -grad[j]!;
      slope = dot(grad, q);
    }
    // Backtracking line search (Armijo).
    let step = 1;
    let candidate = new Float64Array(dim);
    let candidateLoss = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < dim; j++) candidate[j] = x[j]! + step * q[j]!;
      candidateLoss = lossAndGradient(rows, labels, options, candidate, nextGrad);
      if (candidateLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    const sk = new Float64Array(dim);
    const yk = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      sk[j] = candidate[j]! - x[j]!;
      yk[j] = nextGrad[j]! - grad[j]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const improvement = loss - candidateLoss;
    x = candidate;
    candidate = new Float64Array(0);
    grad = Float64Array.from(nextGrad);
    loss = candidateLoss;
    if (options.log && iteration % 25 === 0) options.log(`  iteration ${iteration}: loss ${loss.toFixed(6)}`);
    if (Math.abs(improvement) < tolerance * Math.max(1, Math.abs(loss))) break;
  }
  return { weights: x.subarray(0, rows.columns), bias: x[rows.columns]! };
}
