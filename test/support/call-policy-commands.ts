/**
 * fast-check commands for the backend's per-call operations: withdraw, setCallPriority,
 * adjustCallAge, requestCallback and callbackUnanswered, valid and invalid, each checked against
 * the reference model.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { AcdErrorCode } from '../../src/index.js';
import type { Harness } from './harness.js';
import type { MCall, OpContext, ReferenceModel } from './reference-model.js';
import { expectFailure, expectSuccess, pickFrom, show, type Cmd } from './run-command.js';

/** Which call a command picks: live ones by status (or waiting callbacks), or ids that are not live. */
export type CallPick =
  | 'scheduled'
  | 'waiting'
  | 'offered'
  | 'talking'
  | 'callback'
  | 'talking-callback'
  | 'forgotten'
  | 'never'
  | 'empty';

function candidates(m: ReferenceModel, pick: CallPick): string[] {
  switch (pick) {
    case 'scheduled':
    case 'waiting':
    case 'offered':
    case 'talking':
      return m.callsWith(pick).map((c) => c.id);
    case 'callback':
      return m.calls.filter((c) => c.status === 'waiting' && c.kind === 'callback').map((c) => c.id);
    case 'talking-callback':
      return m.calls.filter((c) => c.status === 'talking' && c.kind === 'callback').map((c) => c.id);
    case 'forgotten':
      return [...m.deadIds];
    case 'never':
      return ['no-such-call'];
    case 'empty':
      return [''];
  }
}

/** The id the command works on, and why the router must refuse it before looking at other arguments. */
function pickCall(m: ReferenceModel, pick: CallPick, n: number, callId: string | undefined): { id: string; call: MCall | undefined; code: AcdErrorCode | undefined } {
  const id = callId ?? (pickFrom(candidates(m, pick), n) as string);
  const call = m.call(id);
  const code = id === '' ? 'INVALID_ARGUMENT' : call === undefined ? 'UNKNOWN_CALL' : undefined;
  return { id, call, code };
}

const pickArb = (valid: readonly CallPick[]): fc.Arbitrary<CallPick> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 8 },
    {
      arbitrary: fc.constantFrom<CallPick>('scheduled', 'waiting', 'offered', 'talking', 'callback', 'talking-callback', 'forgotten', 'never', 'empty'),
      weight: 1,
    },
  );

abstract class CallCommand implements Cmd {
  label = '';
  constructor(readonly pick: CallPick, readonly n: number, readonly callId: string | undefined) {}
  check = (m: ReferenceModel): boolean => this.callId !== undefined || candidates(m, this.pick).length > 0;
  abstract run(m: ReferenceModel, r: Harness): void;
  abstract describe(): string;
  toString(): string {
    return this.label || this.describe();
  }
}

/** withdraw(callId, reason): a scheduled, waiting or offered call leaves; a connected one cannot. */
export class Withdraw extends CallCommand {
  constructor(pick: CallPick, n: number, readonly reason: string, callId?: string) {
    super(pick, n, callId);
  }
  run(m: ReferenceModel, r: Harness): void {
    const { id, call, code } = pickCall(m, this.pick, this.n, this.callId);
    this.label = `withdraw(${show(id)}, ${show(this.reason)})`;
    const failure = code ?? (this.reason === '' ? 'INVALID_ARGUMENT' : call?.status === 'talking' ? 'INVALID_STATE' : undefined);
    const invoke = (): void => r.router.withdraw(id, this.reason);
    if (failure !== undefined) {
      expectFailure(m, r, this.label, [failure], invoke);
      return;
    }
    expectSuccess(m, r, this.label, { kind: 'withdraw', callId: id, reason: this.reason }, invoke);
    expect(r.router.hasCall(id), `hasCall(${id}) after ${this.label}`).toBe(false);
  }
  describe(): string {
    return `withdraw(${this.pick} #${this.n}, ${show(this.reason)})`;
  }
}

export const withdrawArb: fc.Arbitrary<Cmd> = fc
  .record({
    pick: pickArb(['waiting', 'waiting', 'offered', 'callback', 'scheduled']),
    n: fc.nat(),
    reason: fc.oneof({ arbitrary: fc.constantFrom('ivr-exit', 'supervisor'), weight: 10 }, { arbitrary: fc.constant(''), weight: 1 }),
  })
  .map((p) => new Withdraw(p.pick, p.n, p.reason));

/** setCallPriority(callId, priority) or adjustCallAge(callId, byMs), on any live call. */
export class Reprioritize extends CallCommand {
  constructor(pick: CallPick, n: number, readonly op: 'setCallPriority' | 'adjustCallAge', readonly value: number, callId?: string) {
    super(pick, n, callId);
  }
  run(m: ReferenceModel, r: Harness): void {
    const { id, call, code } = pickCall(m, this.pick, this.n, this.callId);
    const { op, value } = this;
    this.label = `${op}(${show(id)}, ${show(value)})`;
    const valid = op === 'setCallPriority' ? Number.isFinite(value) : Number.isFinite(value) && value >= 0;
    const failure = code ?? (valid ? undefined : 'INVALID_ARGUMENT');
    const invoke = () => (op === 'setCallPriority' ? r.router.setCallPriority(id, value) : r.router.adjustCallAge(id, value));
    if (failure !== undefined || call === undefined) {
      expectFailure(m, r, this.label, [failure ?? 'UNKNOWN_CALL'], invoke);
      return;
    }
    const ctx: OpContext =
      op === 'setCallPriority'
        ? { kind: 'reprioritize', callId: id, priority: value, lineMs: call.lineMs }
        : { kind: 'reprioritize', callId: id, priority: call.priority, lineMs: call.lineMs - value };
    const snapshot = expectSuccess(m, r, this.label, ctx, invoke);
    expect(snapshot, `${this.label} returns the call's snapshot`).toStrictEqual(r.router.getCall(id));
  }
  describe(): string {
    return `${this.op}(${this.pick} #${this.n}, ${show(this.value)})`;
  }
}

export const setCallPriorityArb: fc.Arbitrary<Cmd> = fc
  .record({
    pick: pickArb(['waiting', 'waiting', 'offered', 'talking', 'scheduled']),
    n: fc.nat(),
    value: fc.oneof({ arbitrary: fc.integer({ min: -1, max: 4 }), weight: 10 }, { arbitrary: fc.constant(Number.NaN), weight: 1 }),
  })
  .map((p) => new Reprioritize(p.pick, p.n, 'setCallPriority', p.value));

export const adjustCallAgeArb: fc.Arbitrary<Cmd> = fc
  .record({
    pick: pickArb(['waiting', 'waiting', 'offered', 'talking']),
    n: fc.nat(),
    value: fc.oneof({ arbitrary: fc.constantFrom(0, 1_000, 5_000, 30_000), weight: 10 }, { arbitrary: fc.constantFrom(-1, Infinity), weight: 1 }),
  })
  .map((p) => new Reprioritize(p.pick, p.n, 'adjustCallAge', p.value));

type CallbackOptions = { maxAttempts?: number; retryDelayMs?: number; tries?: number } | undefined;

/** requestCallback(callId, options?): a waiting inbound call becomes a callback in place. */
export class RequestCallback extends CallCommand {
  constructor(pick: CallPick, n: number, readonly options: CallbackOptions, callId?: string) {
    super(pick, n, callId);
  }
  run(m: ReferenceModel, r: Harness): void {
    const { id, call, code } = pickCall(m, this.pick, this.n, this.callId);
    const options = this.options;
    this.label = `requestCallback(${show(id)}${options === undefined ? '' : `, ${show(options)}`})`;
    const badOptions = options !== undefined && (options.tries !== undefined || options.maxAttempts === 0);
    const failure =
      code ??
      (call?.status !== 'waiting' ? 'INVALID_STATE' : badOptions ? 'INVALID_ARGUMENT' : call.kind === 'callback' ? 'INVALID_STATE' : undefined);
    const invoke = () => r.router.requestCallback(id, options as never);
    if (failure !== undefined) {
      expectFailure(m, r, this.label, [failure], invoke);
      return;
    }
    const ctx: OpContext = { kind: 'requestCallback', callId: id, maxAttempts: options?.maxAttempts, retryDelayMs: options?.retryDelayMs };
    const snapshot = expectSuccess(m, r, this.label, ctx, invoke);
    expect(snapshot, `${this.label} returns the call's snapshot`).toStrictEqual(r.router.getCall(id));
  }
  describe(): string {
    return `requestCallback(${this.pick} #${this.n}, ${show(this.options)})`;
  }
}

export const requestCallbackArb: fc.Arbitrary<Cmd> = fc
  .record({
    pick: pickArb(['waiting']),
    n: fc.nat(),
    options: fc.oneof(
      { arbitrary: fc.constantFrom<CallbackOptions>(undefined, { maxAttempts: 1 }, { maxAttempts: 2, retryDelayMs: 2_000 }, { retryDelayMs: 1_000 }), weight: 10 },
      { arbitrary: fc.constantFrom<CallbackOptions>({ maxAttempts: 0 }, { tries: 1 }), weight: 1 },
    ),
  })
  .map((p) => new RequestCallback(p.pick, p.n, p.options));

/** callbackUnanswered(callId): the customer did not answer the agent's callback; retry later, or fail after the last attempt. */
export class CallbackUnanswered extends CallCommand {
  run(m: ReferenceModel, r: Harness): void {
    const { id, call, code } = pickCall(m, this.pick, this.n, this.callId);
    this.label = `callbackUnanswered(${show(id)})`;
    const failure = code ?? (call?.status !== 'talking' || call.kind !== 'callback' ? 'INVALID_STATE' : undefined);
    const invoke = () => r.router.callbackUnanswered(id);
    if (failure !== undefined || call === undefined) {
      expectFailure(m, r, this.label, [failure ?? 'UNKNOWN_CALL'], invoke);
      return;
    }
    const ctx: OpContext = { kind: 'callbackUnanswered', callId: id, fails: call.callbackAttempts >= call.callbackMaxAttempts };
    expectSuccess(m, r, this.label, ctx, invoke, () => m.beginCallbackUnanswered(id));
  }
  describe(): string {
    return `callbackUnanswered(${this.pick} #${this.n})`;
  }
}

export const callbackUnansweredArb: fc.Arbitrary<Cmd> = fc
  .record({ pick: pickArb(['talking-callback']), n: fc.nat() })
  .map((p) => new CallbackUnanswered(p.pick, p.n, undefined));
