/** A source of uniformly distributed numbers in [0, 1). */
export interface Random {
  /** Next number in [0, 1). */
  next(): number;
}

/**
 * A small, fast seeded PRNG (sfc32, seeded through splitmix32). The same seed gives the same
 * sequence on every platform and every run.
 *
 * @example
 * const rng = new SeededRandom(42);
 * rng.next(); // always the same first number for seed 42
 */
export class SeededRandom implements Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** @param seed - any finite number; its 32-bit integer part is used. @default 1 */
  constructor(seed = 1) {
    let s = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
    const split = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = split();
    this.#b = split();
    this.#c = split();
    this.#d = split();
    for (let i = 0; i < 12; i++) this.#nextUint32();
  }

  next(): number {
    return this.#nextUint32() / 4_294_967_296;
  }

  /** A uniformly distributed integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  #nextUint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }
}
