/**
 * Running one command against the router and the reference model: a success is replayed event by
 * event and checked in full, a failure must throw the expected code and change nothing.
 */
import type fc from 'fast-check';
import { expect } from 'vitest';
import { AcdError, type AcdErrorCode } from '../../src/index.js';
import { checkAll, fullSnapshot } from './checks.js';
import type { Harness } from './harness.js';
import { ModelError, type OpContext, type ReferenceModel } from './reference-model.js';

export type Cmd = fc.Command<ReferenceModel, Harness>;

function describe(error: unknown): string {
  return error instanceof AcdError ? `${error.name}(${error.code}): ${error.message}` : String(error);
}

/** Runs a command the model expects to succeed, then replays its events and checks everything. */
export function expectSuccess<T>(
  m: ReferenceModel,
  r: Harness,
  label: string,
  ctx: OpContext,
  op: () => T,
  beforeEvents?: () => void,
): T {
  r.beginOp();
  let result: T;
  try {
    result = op();
  } catch (error) {
    throw new ModelError(`${label} threw ${describe(error)}, but the model expects it to succeed`);
  }
  beforeEvents?.();
  m.consume(r.events, ctx);
  m.finish(ctx);
  checkAll(m, r);
  return result;
}

/** Runs a command the model expects to fail with one of `codes`, and checks it changed nothing. */
export function expectFailure(m: ReferenceModel, r: Harness, label: string, codes: readonly AcdErrorCode[], op: () => unknown): void {
  const before = fullSnapshot(r, m);
  r.beginOp();
  let error: unknown;
  let threw = false;
  try {
    op();
  } catch (e) {
    error = e;
    threw = true;
  }
  if (!threw) throw new ModelError(`${label} succeeded, but the model expects ${codes.join(' or ')}`);
  if (!(error instanceof AcdError)) throw new ModelError(`${label} threw a non-AcdError: ${String(error)}`);
  if (!codes.includes(error.code)) throw new ModelError(`${label} threw ${describe(error)}, expected ${codes.join(' or ')}`);
  if (r.events.length > 0) throw new ModelError(`${label} failed but emitted ${r.events.map((e) => e.name).join(', ')}`);
  expect(fullSnapshot(r, m), `${label} failed with ${error.code} and must change nothing`).toStrictEqual(before);
}

export function pickFrom<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

export const show = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? 'undefined';

