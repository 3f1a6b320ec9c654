import type { LiveActor } from "./events";

/** One instance's readers of one article, as it announces them. */
export interface PresenceSnapshot {
  instance: string;
  articleId: string;
  readers: LiveActor[];
}

/**
 * Who has each article open, across instances (decision 0018): every instance announces its
 * readers of an article when they change and again every few seconds; a snapshot not renewed in
 * `ttlMs` is dropped (an instance that stopped). Plain data, unit-tested.
 */
export class PresenceBook {
  private readonly snapshots = new Map<string, Map<string, { readers: LiveActor[]; at: number }>>();

  constructor(private readonly ttlMs: number) {}

  /** Records a snapshot; answers whether the article's readers changed. */
  update(snapshot: PresenceSnapshot, now: number): boolean {
    const before = key(this.readersOf(snapshot.articleId, now));
    let byInstance = this.snapshots.get(snapshot.articleId);
    if (!byInstance) this.snapshots.set(snapshot.articleId, (byInstance = new Map()));
    if (snapshot.readers.length === 0) byInstance.delete(snapshot.instance);
    else byInstance.set(snapshot.instance, { readers: snapshot.readers, at: now });
    if (byInstance.size === 0) this.snapshots.delete(snapshot.articleId);
    return key(this.readersOf(snapshot.articleId, now)) !== before;
  }

  /** Everyone reading the article, once each, by name. */
  readersOf(articleId: string, now: number): LiveActor[] {
    const byId = new Map<string, LiveActor>();
    for (const { readers, at } of this.snapshots.get(articleId)?.values() ?? []) {
      if (now - at > this.ttlMs) continue;
      for (const reader of readers) byId.set(reader.id, reader);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** Drops expired snapshots; answers the articles whose readers changed. */
  expire(now: number): string[] {
    const changed: string[] = [];
    for (const [articleId, byInstance] of this.snapshots) {
      let dropped = false;
      for (const [instance, { at }] of byInstance) {
        if (now - at > this.ttlMs) {
          byInstance.delete(instance);
          dropped = true;
        }
      }
      if (byInstance.size === 0) this.snapshots.delete(articleId);
      if (dropped) changed.push(articleId);
    }
    return changed;
  }
}

const key = (readers: LiveActor[]) => readers.map((reader) => `${reader.id}:${reader.name}`).join("|");

/** "Also reading: Sam Second and Erin Editor", without the reader themself; null when alone. */
export function alsoReading(readers: readonly LiveActor[], selfId: string): string | null {
  const names = readers.filter((reader) => reader.id !== selfId).map((reader) => reader.name || "A colleague");
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `Also reading: ${list}`;
}
