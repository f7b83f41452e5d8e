/** What a {@link ServiceOrderHeap} orders: priority (higher first), then arrival, then sequence. */
export interface ServiceOrderKey {
  readonly priority: number;
  readonly arrivalMs: number;
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
    let at = this.#length++;
    const priority = item.priority;
    const arrival = item.arrivalMs;
    const seq = item.seq;
    const pr = this.#priority;
    const ar = this.#arrival;
    const sq = this.#seq;
    const tk = this.#token;
    const items = this.#items;
    // Sift up: move parents that come after the new item down.
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const p = pr[parent] as number;
      if (p > priority || (p === priority && ((ar[parent] as number) < arrival || ((ar[parent] as number) === arrival && (sq[parent] as number) < seq)))) break;
      pr[at] = p;
      ar[at] = ar[parent] as number;
      sq[at] = sq[parent] as number;
      tk[at] = tk[parent] as number;
      items[at] = items[parent];
      at = parent;
    }
    pr[at] = priority;
    ar[at] = arrival;
    sq[at] = seq;
    tk[at] = token;
    items[at] = item;
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
    const tk = this.#token;
    const items = this.#items;
    const length = this.#length;
    const priority = pr[from] as number;
    const arrival = ar[from] as number;
    const seq = sq[from] as number;
    const token = tk[from] as number;
    const item = items[from];
    let at = 0;
    const half = length >> 1;
    while (at < half) {
      let child = 2 * at + 1;
      const right = child + 1;
      if (right < length && comesFirst(pr, ar, sq, right, child)) child = right;
      const c = pr[child] as number;
      if (c < priority || (c === priority && ((ar[child] as number) > arrival || ((ar[child] as number) === arrival && (sq[child] as number) > seq)))) break;
      pr[at] = c;
      ar[at] = ar[child] as number;
      sq[at] = sq[child] as number;
      tk[at] = tk[child] as number;
      items[at] = items[child];
      at = child;
    }
    pr[at] = priority;
    ar[at] = arrival;
    sq[at] = seq;
    tk[at] = token;
    items[at] = item;
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

/** Whether the item at `a` comes before the item at `b` in service order. */
function comesFirst(pr: Float64Array, ar: Float64Array, sq: Float64Array, a: number, b: number): boolean {
  const pa = pr[a] as number;
  const pb = pr[b] as number;
  if (pa !== pb) return pa > pb;
  const aa = ar[a] as number;
  const ab = ar[b] as number;
  if (aa !== ab) return aa < ab;
  return (sq[a] as number) < (sq[b] as number);
}
