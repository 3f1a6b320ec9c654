/**
 * The committed check-worthiness model (lib/suggestions/model/checkworthiness.json, made by
 * `npm run checkworthiness:train`; see the README beside it and docs/decisions/0022): one or
 * more logistic regressions over the sparse features of features.ts, whose probabilities are
 * averaged. Read from disk once per process, synchronously, by path from the working directory
 * (the app, Vitest and the tsx scripts all run from the repo root), never bundled into the app.
 */
import fs from "node:fs";
import path from "node:path";
import { featuresOf, type FeatureConfig } from "./features";

export const MODEL_FORMAT = "factline-checkworthiness/1";
export const MODEL_PATH = path.join("lib", "suggestions", "model", "checkworthiness.json");

export interface CheckworthinessModel {
  version: string;
  /** Scores at or above it are suggested ("likely"). */
  threshold: number;
  /** Scores at or above it are "strong" suggestions. */
  strongThreshold: number;
  /** One score in [0, 1] per text, in order; deterministic. */
  score(texts: string[]): number[];
}

export interface LinearMember {
  features: FeatureConfig;
  bias: number;
  weights: Record<string, number>;
}

/** The JSON file's shape. */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: string;
  threshold: number;
  strongThreshold: number;
  members: LinearMember[];
  /** How it was made and measured: for people, not read by the code. */
  about?: unknown;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function modelFromFile(file: ModelFile): CheckworthinessModel {
  if (file.format !== MODEL_FORMAT || !Array.isArray(file.members) || file.members.length === 0) {
    throw new Error(`Not a ${MODEL_FORMAT} model file`);
  }
  const members = file.members.map((member) => ({
    features: member.features,
    bias: member.bias,
    weights: new Map(Object.entries(member.weights)),
  }));
  const scoreOne = (text: string): number => {
    const input = typeof text === "string" ? text : "";
    let total = 0;
    for (const member of members) {
      let z = member.bias;
      for (const [feature, value] of featuresOf(input, member.features)) {
        const weight = member.weights.get(feature);
        if (weight !== undefined) z += weight * value;
      }
      total += sigmoid(z);
    }
    const score = total / members.length;
    return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  };
  return {
    version: file.version,
    threshold: file.threshold,
    strongThreshold: file.strongThreshold,
    score: (texts) => texts.map(scoreOne),
  };
}

let cached: CheckworthinessModel | undefined;

/** The committed model, loaded on first call and cached for the process. */
export function loadModel(): CheckworthinessModel {
  if (!cached) {
    const file = path.join(process.cwd(), MODEL_PATH);
    cached = modelFromFile(JSON.parse(fs.readFileSync(file, "utf8")) as ModelFile);
  }
  return cached;
}
