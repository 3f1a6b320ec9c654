/**
 * `npm run checkworthiness:train`: trains the check-worthiness model on train.tsv, chooses the
 * thresholds on dev.tsv, and writes lib/suggestions/model/checkworthiness.json. Deterministic:
 * the same data gives the same file. dev-test.tsv is not read here (`checkworthiness:eval` is the
 * honest estimate). See docs/decisions/0022-claim-suggestion-model.md.
 */
import fs from "node:fs";
import path from "node:path";
import { MODEL_FORMAT, MODEL_PATH, modelFromFile, type ModelFile } from "@/lib/suggestions/model";
import { readSplit } from "./data";
import { averagePrecision, bestF1Threshold, precisionThreshold } from "./metrics";
import { MODEL_SETTINGS, MODEL_VERSION, STRONG_PRECISION } from "./settings";
import { trainMember } from "./train-core";

function main(): void {
  const train = readSplit("train");
  const dev = readSplit("dev");
  const started = performance.now();
  const members = MODEL_SETTINGS.map((settings, i) => {
    console.log(`Member ${i + 1}/${MODEL_SETTINGS.length}: ${JSON.stringify(settings)}`);
    return trainMember(train, settings, (message) => console.log(message));
  });
  const draft: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    threshold: 0.5,
    strongThreshold: 0.5,
    members,
  };
  const devScores = modelFromFile(draft).score(dev.map((sentence) => sentence.text));
  const devLabels = dev.map((sentence) => sentence.label);
  const best = bestF1Threshold(devScores, devLabels);
  const threshold = Math.round(best.threshold * 1e4) / 1e4;
  const strongThreshold = Math.round(precisionThreshold(devScores, devLabels, STRONG_PRECISION, threshold) * 1e4) / 1e4;
  const file: ModelFile = {
    ...draft,
    threshold,
    strongThreshold,
    about: {
      trainedOn: "CheckThat! 2024 Task 1 English train.tsv (22,501 sentences); thresholds chosen on dev.tsv",
      threshold: "maximises F1 of the Yes class on dev.tsv",
      strongThreshold: `lowest score at or above the threshold with precision >= ${STRONG_PRECISION} on dev.tsv`,
      dev: {
        f1: round(best.f1),
        precision: round(best.precision),
        recall: round(best.recall),
        averagePrecision: round(averagePrecision(devScores, devLabels)),
      },
      settings: MODEL_SETTINGS,
    },
  };
  const target = path.join(process.cwd(), MODEL_PATH);
  fs.writeFileSync(target, JSON.stringify(file) + "\n");
  const features = members.reduce((sum, member) => sum + Object.keys(member.weights).length, 0);
  console.log(`dev: F1 ${round(best.f1)} P ${round(best.precision)} R ${round(best.recall)} at threshold ${threshold}`);
  console.log(`strong threshold ${strongThreshold}; ${features} weights; ${fs.statSync(target).size} bytes`);
  console.log(`Wrote ${MODEL_PATH} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

main();
