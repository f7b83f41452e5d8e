import { describe, expect, it } from 'vitest';
import { SmallSet } from '../src/engine/small-set.js';

describe('SmallSet', () => {
  it('behaves as a Set: insertion order, no duplicates, delete keeps the order of the rest', () => {
    const set = new SmallSet<string>();
    set.add('a').add('b').add('c').add('b');
    expect([...set]).toEqual(['a', 'b', 'c']);
    expect(set.size).toBe(3);
    expect(set.has('b')).toBe(true);
    expect(set.delete('b')).toBe(true);
    expect(set.delete('b')).toBe(false);
    expect(set.has('b')).toBe(false);
    expect([...set]).toEqual(['a', 'c']);
    set.add('b');
    expect([...set]).toEqual(['a', 'c', 'b']);
    set.clear();
    expect(set.size).toBe(0);
    expect([...set]).toEqual([]);
  });
});
