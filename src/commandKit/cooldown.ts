/**
 * A per-user cooldown: one use per `ms` per user. Entries older than the cooldown are useless,
 * so the map is swept as it is used and never grows past the users active in the last `ms`.
 */
export class Cooldown {
  private readonly last = new Map<string, number>();

  constructor(
    readonly ms: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes a use for `userId`: 0 when allowed (and the cooldown starts), otherwise how many
   * milliseconds are left before the user may try again (and nothing changes).
   */
  take(userId: string): number {
    if (this.ms <= 0) return 0;
    const now = this.now();
    for (const [user, at] of this.last) {
      if (now - at < this.ms) break; // insertion order is time order: the rest are newer
      this.last.delete(user);
    }
    const previous = this.last.get(userId);
    if (previous !== undefined && now - previous < this.ms) return this.ms - (now - previous);
    this.last.delete(userId);
    this.last.set(userId, now);
    return 0;
  }
}
