/**
 * A set of a few items (an agent's calls and wrap-ups: as many as its capacity) in an array, in
 * insertion order, with the `Set` methods the engine uses. A `Set` that keeps going from empty to
 * one item and back reallocates its hash table on the way (V8 shrinks it when it empties, and
 * rehashes it once deleted entries fill it): on the day-100 simulation that was a tenth of all
 * the memory allocated. Here adding and deleting allocate nothing once the array has grown.
 *
 * Operations are O(size): meant for sets of a handful of items. Not to be changed while iterated.
 */
export class SmallSet<T> implements Iterable<T> {
  readonly #items: T[] = [];

  /** Number of items. */
  get size(): number {
    return this.#items.length;
  }

  has(item: T): boolean {
    return this.#items.includes(item);
  }

  /** Adds `item` at the end, unless it is in the set already. */
  add(item: T): this {
    if (!this.#items.includes(item)) this.#items.push(item);
    return this;
  }

  /** Removes `item`, keeping the others' order; whether it was in the set. */
  delete(item: T): boolean {
    const items = this.#items;
    const at = items.indexOf(item);
    if (at < 0) return false;
    for (let i = at + 1; i < items.length; i++) items[i - 1] = items[i] as T;
    items.pop();
    return true;
  }

  clear(): void {
    this.#items.length = 0;
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.#items.values();
  }
}
