/**
 * What a {@link ServiceOrderHeap} orders: rank (priority, higher first), then place in line
 * (earlier first), then sequence.
 */
export interface ServiceOrderKey {
  readonly rank: number;
  readonly lineMs: number;
  readonly seq: number;
}

const INITIAL_CAPACITY = 16;

/**
 * A binary heap in service order, with the three keys in flat typed arrays beside the items.
 *
 * Why not heap-js here: a waiting line of thousands of calls is the hottest structure of the
 * router, and comparing keys through object references costs a cache miss per comparison once
 * the calls outgrow the CPU caches. Flat keys keep a sift within a few cache lines (the
 * flatqueue idea); heap-js stays in use everywhere else. The sequence number makes equal priority
 * and arrival strictly first-come, first-served, which a plain heap does not guarantee.
 */
export class ServiceOrderHeap<T extends ServiceOrderKey> {
  #items: (T | undefined)[] = [];
  #priority: Float64Array = new Float64Array(INITIAL_CAPACITY);
  #arrival: Float64Array = new Float64Array(INITIAL_CAPACITY);
  #seq: Float64Array = new Float64Array(INITIAL_CAPACITY);
  /** A token per item, so the owner can tell a current item from a stale copy (lazy removal). */
  #token: Float64Array = new Float64Array(INITIAL_CAPACITY);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** The first item in service order, without removing it. */
  peek(): T | undefined {
    return this.#length === 0 ? undefined : this.#items[0];
  }

  /** The token the first item was pushed with. */
  peekToken(): number {
    return this.#token[0] as number;
  }

  push(item: T, token: number): void {
    if (this.#length === this.#priority.length) this.#grow();
    const priority = item.rank;
    const arrival = item.lineMs;
    const seq = item.seq;
    let at = this.#length++;
    // Sift up: move down every parent the new item comes before.
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.#before(priority, arrival, seq, parent)) break;
      this.#move(at, parent);
      at = parent;
    }
    this.#place(at, priority, arrival, seq, token, item);
  }

  /** Removes and returns the first item in service order. */
  pop(): T | undefined {
    if (this.#length === 0) return undefined;
    const items = this.#items;
    const top = items[0];
    const last = --this.#length;
    if (last > 0) this.#siftDown(last);
    items[last] = undefined;
    return top;
  }

  /** Items whose token `isCurrent` accepts, in heap order (not service order). */
  current(isCurrent: (item: T, token: number) => boolean): T[] {
    const found: T[] = [];
    for (let i = 0; i < this.#length; i++) {
      const item = this.#items[i] as T;
      if (isCurrent(item, this.#token[i] as number)) found.push(item);
    }
    return found;
  }

  /** Keeps only the items `isCurrent` accepts, rebuilt into a heap of their size. */
  retain(isCurrent: (item: T, token: number) => boolean): void {
    const kept: Array<[T, number]> = [];
    for (let i = 0; i < this.#length; i++) {
      const item = this.#items[i] as T;
      const token = this.#token[i] as number;
      if (isCurrent(item, token)) kept.push([item, token]);
    }
    const capacity = Math.max(INITIAL_CAPACITY, kept.length);
    this.#items = [];
    this.#priority = new Float64Array(capacity);
    this.#arrival = new Float64Array(capacity);
    this.#seq = new Float64Array(capacity);
    this.#token = new Float64Array(capacity);
    this.#length = 0;
    for (const [item, token] of kept) this.push(item, token);
  }

  /** Moves the item at `from` (the last one) to the root and sifts it down. */
  #siftDown(from: number): void {
    const pr = this.#priority;
    const ar = this.#arrival;
    const sq = this.#seq;
    const priority = pr[from] as number;
    const arrival = ar[from] as number;
    const seq = sq[from] as number;
    const token = this.#token[from] as number;
    const item = this.#items[from] as T;
    const length = this.#length;
    let at = 0;
    for (let child = 1; child < length; child = 2 * at + 1) {
      const right = child + 1;
      if (right < length && this.#before(pr[right] as number, ar[right] as number, sq[right] as number, child)) {
        child = right;
      }
      if (this.#before(priority, arrival, seq, child)) break;
      this.#move(at, child);
      at = child;
    }
    this.#place(at, priority, arrival, seq, token, item);
  }

  /** Whether an item with these keys comes before the item at `at` in service order. */
  #before(priority: number, arrival: number, seq: number, at: number): boolean {
    const p = this.#priority[at] as number;
    if (priority !== p) return priority > p;
    const a = this.#arrival[at] as number;
    if (arrival !== a) return arrival < a;
    return seq < (this.#seq[at] as number);
  }

  #move(to: number, from: number): void {
    this.#priority[to] = this.#priority[from] as number;
    this.#arrival[to] = this.#arrival[from] as number;
    this.#seq[to] = this.#seq[from] as number;
    this.#token[to] = this.#token[from] as number;
    this.#items[to] = this.#items[from];
  }

  #place(at: number, priority: number, arrival: number, seq: number, token: number, item: T): void {
    this.#priority[at] = priority;
    this.#arrival[at] = arrival;
    this.#seq[at] = seq;
    this.#token[at] = token;
    this.#items[at] = item;
  }

  #grow(): void {
    const capacity = this.#priority.length * 2;
    const grow = (old: Float64Array): Float64Array => {
      const next = new Float64Array(capacity);
      next.set(old);
      return next;
    };
    this.#priority = grow(this.#priority);
    this.#arrival = grow(this.#arrival);
    this.#seq = grow(this.#seq);
    this.#token = grow(this.#token);
  }
}
