export const ROLES = ["EDITOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who may add articles to the library. Every role today; the check keeps the rule in one place. */
export function canAddArticles(role: Role): boolean {
  return role === "EDITOR" || role === "ADMIN";
}

/** A stored role as the rules know it: anything unknown counts as the least privileged, EDITOR. */
export const roleOf = (value: string): Role => (isRole(value) ? value : "EDITOR");
