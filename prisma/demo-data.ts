import fs from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/users/roles";

/** Demo-only accounts, listed in the README. Never use these outside a demo. */
export const DEMO_PASSWORD = "factline-demo";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "editor@factline.test", name: "Erin Editor", role: "EDITOR" },
  { email: "second.editor@factline.test", name: "Sam Second", role: "EDITOR" },
  { email: "admin@factline.test", name: "Ada Admin", role: "ADMIN" },
];

export const SAMPLE_ARTICLE = {
  title: "Russia open to talks in Minsk as forces close in on Kyiv",
  outlet: "Factline demo desk",
  author: null,
  url: null,
  publishedAt: new Date("2022-02-25T12:00:00Z"),
  text: () => fs.readFileSync(path.join(process.cwd(), "prisma", "seed-data", "sample-article.txt"), "utf8"),
};
