/**
 * `npm run checkworthiness:eval`: the committed model (the one the app loads) on dev-test.tsv,
 * debates disjoint from training: precision, recall and F1 of the Yes class at the model's own
 * threshold (chosen on dev.tsv at training time, never here), and average precision.
 */
import { loadModel } from "@/lib/suggestions/model";
import { readSplit, type Split } from "./data";
import { averagePrecision, prf } from "./metrics";

function main(): void {
  const model = loadModel();
  console.log(
    `Model ${model.version}: threshold ${model.threshold} (chosen on dev.tsv), strong ${model.strongThreshold}`,
  );
  const splits: Split[] = process.argv.includes("--all") ? ["train", "dev", "dev-test"] : ["dev-test"];
  for (const split of splits) {
    const data = readSplit(split);
    const started = performance.now();
    const scores = model.score(data.map((sentence) => sentence.text));
    const ms = performance.now() - started;
    const labels = data.map((sentence) => sentence.label);
    const result = prf(scores, labels, model.threshold);
    const strong = prf(scores, labels, model.strongThreshold);
    const positives = labels.filter((label) => label === 1).length;
    console.log(`${split}.tsv: ${data.length} sentences, ${positives} Yes (scored in ${ms.toFixed(0)} ms)`);
    console.log(
      `  Yes class at threshold ${model.threshold}: precision ${f(result.precision)}  recall ${f(result.recall)}  F1 ${f(result.f1)}`,
    );
    console.log(`  average precision ${f(averagePrecision(scores, labels))}`);
    console.log(
      `  "strong" (>= ${model.strongThreshold}): precision ${f(strong.precision)}  recall ${f(strong.recall)}`,
    );
  }
}

const f = (value: number) => value.toFixed(3);

main();
