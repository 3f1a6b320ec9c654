/**
 * Development aid (not an npm script): compares member settings by 5-fold cross-validation on
 * train.tsv and on dev.tsv. Usage: npx tsx scripts/checkworthiness/experiment.ts <name>...
 */
import { MODEL_FORMAT, modelFromFile } from "@/lib/suggestions/model";
import { readSplit, type LabelledSentence } from "./data";
import { averagePrecision, bestF1Threshold, prf } from "./metrics";
import { trainMember, type MemberSettings } from "./train-core";
import { EXPERIMENTS } from "./experiments";

const FOLDS = Number(process.env.FOLDS ?? 5);

function scoreWith(members: ReturnType<typeof trainMember>[], data: LabelledSentence[]): number[] {
  const model = modelFromFile({ format: MODEL_FORMAT, version: "x", threshold: 0.5, strongThreshold: 0.5, members });
  return model.score(data.map((sentence) => sentence.text));
}

function run(name: string, settings: MemberSettings[]): void {
  const train = readSplit("train");
  const dev = readSplit("dev");
  const devTest = process.env.PEEK ? readSplit("dev-test") : [];
  const t0 = performance.now();
  const oof = new Array<number>(train.length).fill(0);
  if (FOLDS > 1) {
    for (let fold = 0; fold < FOLDS; fold++) {
      const inFold = (i: number) => i % FOLDS === fold;
      const part = train.filter((_, i) => !inFold(i));
      const held = train.filter((_, i) => inFold(i));
      const members = settings.map((s) => trainMember(part, s));
      const scores = scoreWith(members, held);
      let k = 0;
      train.forEach((_, i) => {
        if (inFold(i)) oof[i] = scores[k++]!;
      });
    }
  }
  const members = settings.map((s) => trainMember(train, s));
  const devScores = scoreWith(members, dev);
  const trainLabels = train.map((s) => s.label);
  const devLabels = dev.map((s) => s.label);
  const cv = FOLDS > 1 ? bestF1Threshold(oof, trainLabels) : undefined;
  const devBest = bestF1Threshold(devScores, devLabels);
  const f = (x: number) => x.toFixed(3);
  let line = `${name.padEnd(24)} `;
  if (cv) line += `cv: AP ${f(averagePrecision(oof, trainLabels))} F1 ${f(cv.f1)}@${f(cv.threshold)} | `;
  line += `dev: AP ${f(averagePrecision(devScores, devLabels))} F1 ${f(devBest.f1)}@${f(devBest.threshold)}`;
  if (devTest.length > 0) {
    const dtScores = scoreWith(members, devTest);
    const dtLabels = devTest.map((s) => s.label);
    const atDev = prf(dtScores, dtLabels, devBest.threshold);
    line += ` | dt: AP ${f(averagePrecision(dtScores, dtLabels))} F1@dev ${f(atDev.f1)}`;
    if (cv) line += ` F1@cv ${f(prf(dtScores, dtLabels, cv.threshold).f1)}`;
  }
  const size = members.reduce((sum, m) => sum + Object.keys(m.weights).length, 0);
  console.log(`${line} | ${size} w, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

for (const name of process.argv.slice(2)) {
  const settings = EXPERIMENTS[name];
  if (!settings) throw new Error(`No experiment ${name}`);
  run(name, settings);
}
