import "server-only";
import { db, withBusyRetry } from "./db";

/*
 * A person's preferences, kept on the server so that they follow the person from browser to
 * browser (UserPreferences: no row means the defaults).
 */

export interface Preferences {
  /** Show the check-worthiness model's suggested claims on article pages (decision 0023). */
  suggestClaims: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { suggestClaims: false };

export async function getPreferences(userId: string): Promise<Preferences> {
  const row = await db.userPreferences.findUnique({ where: { userId }, select: { suggestClaims: true } });
  return row ?? DEFAULT_PREFERENCES;
}

export async function updatePreferences(userId: string, changes: Partial<Preferences>): Promise<Preferences> {
  return withBusyRetry(() =>
    db.userPreferences.upsert({
      where: { userId },
      create: { userId, ...changes },
      update: changes,
      select: { suggestClaims: true },
    }),
  );
}
