/**
 * The simulator's own future-event list: a binary min-heap in flat arrays ordered by (time,
 * sequence), so events at equal times come out in the order they were pushed (a plain heap is not
 * stable). Arrivals, completions, patience and answer delays go here rather than onto the
 * router's clock: no timer object or closure per event on the hot path, and cancelling is free
 * (the handler checks whether the event still applies when it comes out).
 */
export class EventQueue<T> {
  #times: number[] = [];
  #seqs: number[] = [];
  #kinds: number[] = [];
  #refs: T[] = [];
  #seq = 0;

  get size(): number {
    return this.#times.length;
  }

  /** Time of the earliest event (`Infinity` when empty). */
  peekTime(): number {
    return this.#times.length > 0 ? (this.#times[0] as number) : Infinity;
  }

  push(timeMs: number, kind: number, ref: T): void {
    const times = this.#times;
    const seqs = this.#seqs;
    const kinds = this.#kinds;
    const refs = this.#refs;
    const seq = this.#seq++;
    let i = times.length;
    times.push(timeMs);
    seqs.push(seq);
    kinds.push(kind);
    refs.push(ref);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < timeMs || (pt === timeMs && (seqs[parent] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] as number;
      kinds[i] = kinds[parent] as number;
      refs[i] = refs[parent] as T;
      i = parent;
    }
    times[i] = timeMs;
    seqs[i] = seq;
    kinds[i] = kind;
    refs[i] = ref;
  }

  /** Kind of the earliest event; call {@link pop} to take it. */
  peekKind(): number {
    return this.#kinds[0] as number;
  }

  peekRef(): T {
    return this.#refs[0] as T;
  }

  /** Removes the earliest event. */
  pop(): void {
    const times = this.#times;
    const seqs = this.#seqs;
    const kinds = this.#kinds;
    const refs = this.#refs;
    const last = times.length - 1;
    if (last < 0) return;
    const t = times[last] as number;
    const s = seqs[last] as number;
    const k = kinds[last] as number;
    const r = refs[last] as T;
    times.pop();
    seqs.pop();
    kinds.pop();
    refs.pop();
    if (last === 0) return;
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < last) {
        const ct = times[child] as number;
        const rt = times[right] as number;
        if (rt < ct || (rt === ct && (seqs[right] as number) < (seqs[child] as number))) child = right;
      }
      const ct = times[child] as number;
      if (t < ct || (t === ct && s < (seqs[child] as number))) break;
      times[i] = ct;
      seqs[i] = seqs[child] as number;
      kinds[i] = kinds[child] as number;
      refs[i] = refs[child] as T;
      i = child;
    }
    times[i] = t;
    seqs[i] = s;
    kinds[i] = k;
    refs[i] = r;
  }
}
