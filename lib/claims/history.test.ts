import { describe, expect, it } from "vitest";
import { describeEvent } from "./history";

describe("describeEvent", () => {
  it("names both statuses of a status change in words", () => {
    expect(describeEvent({ kind: "status", from: "UNVERIFIED", to: "MISLEADING" })).toBe(
      "changed the status from Unverified to Misleading",
    );
  });

  it("names the source that was added or removed", () => {
    expect(describeEvent({ kind: "source_added", from: null, to: "Kremlin readout" })).toBe("added the source “Kremlin readout”");
    expect(describeEvent({ kind: "source_removed", from: "Old link", to: null })).toBe("removed the source “Old link”");
  });

  it("tells an edited note from a cleared one", () => {
    expect(describeEvent({ kind: "note", from: "a", to: "b" })).toBe("edited the note");
    expect(describeEvent({ kind: "note", from: "a", to: "" })).toBe("cleared the note");
    expect(describeEvent({ kind: "reassigned", from: "Erin Editor", to: "Sam Second" })).toBe(
      "reassigned this claim from Erin Editor to Sam Second",
    );
  });
});
