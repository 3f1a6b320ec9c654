import { describe, expect, it } from "vitest";
import { findMentions, mentionQueryAt, mentionedIds, suggestPeople } from "./mentions";

const PEOPLE = [
  { id: "erin", name: "Erin Editor" },
  { id: "erin-short", name: "Erin" },
  { id: "sam", name: "Sam Second" },
  { id: "zoë", name: "Zoë Ångström" },
];
const names = (text: string) => findMentions(text, PEOPLE).map((mention) => mention.name);

describe("findMentions", () => {
  it("finds a name with spaces, with its offsets", () => {
    const text = "Thanks @Sam Second for the link";
    expect(findMentions(text, PEOPLE)).toEqual([{ personId: "sam", name: "Sam Second", start: 7, end: 18 }]);
    expect(text.slice(7, 18)).toBe("@Sam Second");
  });

  it("finds several mentions, in order", () => {
    expect(names("@Sam Second and @Erin Editor: please check. @Zoë Ångström too")).toEqual([
      "Sam Second",
      "Erin Editor",
      "Zoë Ångström",
    ]);
  });

  it("takes the longest name when one is a prefix of another", () => {
    expect(names("@Erin Editor wrote it")).toEqual(["Erin Editor"]);
    expect(names("@Erin wrote it")).toEqual(["Erin"]);
    expect(names("@Erin Edits")).toEqual(["Erin"]);
  });

  it("allows punctuation right after the name", () => {
    expect(names("Ask @Erin Editor, or @Sam Second.")).toEqual(["Erin Editor", "Sam Second"]);
    expect(names("(@Sam Second) and @Erin Editor?!")).toEqual(["Sam Second", "Erin Editor"]);
  });

  it("does not take a name that runs on into a longer word", () => {
    expect(names("@Erinson said so")).toEqual([]);
    expect(names("@Sam Seconds")).toEqual([]);
  });

  it("is no mention inside an email address or handle", () => {
    expect(names("write to erin@Erin Editor.example or press@Sam Second")).toEqual([]);
    expect(names("sam.second@example.com")).toEqual([]);
  });

  it("ignores unknown names and a lone @", () => {
    expect(names("@Nobody Here and @ and @@Erin")).toEqual([]);
  });

  it("compares names case-insensitively and reports the name as Factline shows it", () => {
    expect(names("@erin editor")).toEqual(["Erin Editor"]);
  });

  it("lists each mentioned person once", () => {
    expect(mentionedIds("@Sam Second, @Sam Second and @Erin", PEOPLE)).toEqual(["erin-short", "sam"]);
  });

  it("mentions everyone who shares the name", () => {
    const twins = [...PEOPLE, { id: "sam-2", name: "Sam Second" }];
    expect(mentionedIds("@Sam Second", twins)).toEqual(["sam", "sam-2"]);
  });
});

describe("mentionQueryAt", () => {
  it("gives the name being typed after an @", () => {
    expect(mentionQueryAt("Hello @Sa", 9)).toEqual({ start: 6, query: "Sa" });
    expect(mentionQueryAt("Hello @", 7)).toEqual({ start: 6, query: "" });
    expect(mentionQueryAt("Hello @Sam S", 12)).toEqual({ start: 6, query: "Sam S" });
  });

  it("is null without an @, inside an email address or after a line break", () => {
    expect(mentionQueryAt("Hello", 5)).toBeNull();
    expect(mentionQueryAt("mail erin@exa", 13)).toBeNull();
    expect(mentionQueryAt("@Sam\nnext", 9)).toBeNull();
  });
});

describe("suggestPeople", () => {
  it("suggests names starting with the query first, then names with a word starting with it", () => {
    expect(suggestPeople(PEOPLE, "er").map((p) => p.id)).toEqual(["erin", "erin-short"]);
    expect(suggestPeople(PEOPLE, "sec").map((p) => p.id)).toEqual(["sam"]);
    expect(suggestPeople(PEOPLE, "").length).toBe(4);
  });
});
