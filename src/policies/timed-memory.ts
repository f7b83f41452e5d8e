/**
 * A map whose entries expire, kept in insertion order: every entry is set at the current time, so
 * expired ones are at the front and pruning stops at the first live one (amortised O(1)).
 * Memory holds the entries set within the longest expiry in use.
 */
export class TimedMemory<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly expiresAtMs: number }>();
  #sets = 0;

  /** Remembers `value` until `expiresAtMs` (replacing an earlier entry for the key). */
  set(key: string, value: V, nowMs: number, expiresAtMs: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAtMs });
    // Pruning walks from the oldest entry; every 32nd write is enough to keep memory bounded.
    if ((++this.#sets & 31) === 0) this.#prune(nowMs);
  }

  /** The live value for a key, if any. */
  get(key: string, nowMs: number): V | undefined {
    const entry = this.#entries.get(key);
    return entry === undefined || entry.expiresAtMs < nowMs ? undefined : entry.value;
  }

  /** The live value for a key, forgotten as it is returned. */
  take(key: string, nowMs: number): V | undefined {
    const value = this.get(key, nowMs);
    this.#entries.delete(key);
    return value;
  }

  #prune(nowMs: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAtMs >= nowMs) return;
      this.#entries.delete(key);
    }
  }
}
