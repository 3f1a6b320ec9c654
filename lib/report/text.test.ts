import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format";
import { isHttpUrl, reportDateTime } from "./text";

describe("reportDateTime", () => {
  it("formats exactly like formatDateTime", () => {
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2030, 0, 1); t += 77_777_777) {
      const iso = new Date(t).toISOString();
      expect(reportDateTime(iso)).toBe(formatDateTime(iso));
    }
    expect(reportDateTime("2022-02-25T00:05:00.000Z")).toBe("25 Feb 2022, 00:05 UTC");
  });

  it("falls back to formatDateTime for anything but a UTC ISO string", () => {
    expect(reportDateTime("2022-02-25T10:15:00+02:00")).toBe(formatDateTime("2022-02-25T10:15:00+02:00"));
  });
});

describe("isHttpUrl", () => {
  it("accepts absolute http(s) URLs only", () => {
    expect(isHttpUrl("https://example.org/a")).toBe(true);
    expect(isHttpUrl("http://example.org")).toBe(true);
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,x",
      "//example.org",
      "example.org",
      "",
      null,
      "ftp://x.org",
    ]) {
      expect(isHttpUrl(url)).toBe(false);
    }
  });
});
