import { describe, expect, it } from 'vitest';
import {
  AcdError,
  CallRouter,
  DuplicateIdError,
  InvalidArgumentError,
  InvalidStateError,
  SimulatedClock,
  UnknownAgentError,
  UnknownCallError,
  UnknownQueueError,
  type AcdErrorCode,
} from '../src/index.js';
import { createRouter, recordEvents, snapshotRouter, type Harness } from './support/fixtures.js';

type ErrorClass = abstract new (...args: never[]) => AcdError;

interface Case {
  readonly label: string;
  readonly act: (router: CallRouter) => unknown;
  readonly type: ErrorClass;
  readonly code: AcdErrorCode;
}

const BAD: ErrorClass = InvalidArgumentError;
const STATE: ErrorClass = InvalidStateError;

/** Bad input, cast past the type checker as a JavaScript caller would pass it. */
const bad = <T>(value: unknown): T => value as T;

const CALL_IDS = ['c-wait', 'c-cb', 'c-sched', 'c-ring', 'c-talk', 'c-known', 'c-esc'];

/**
 * A router with something in every state of the new policies:
 * - `q-wait` (maxWaitMs 600 s, escalation at 60 s): `c-wait` waiting, `c-cb` a waiting callback,
 *   `c-sched` a callback scheduled for 300 s; nobody serves it;
 * - `q-ring`: `c-ring` ringing `bob`; `c-known` waiting for `cy` (not-ready) for 120 s;
 * - `q-talk`: `c-talk` connected to `ann`;
 * - `q-esc` overflows to `target` at 30 s (escalation) and to `spill` on timeout; `c-esc` waits there;
 * - `empty`: no calls; `dee` serves it, available.
 */
function world(): Harness {
  const harness = createRouter({ declineDelayMs: 1_000, noAnswerDelayMs: 60_000, lastAgentWindowMs: 3_600_000 });
  const { clock, router } = harness;
  router.addQueue({ id: 'q-wait', maxWaitMs: 600_000, escalation: [{ afterMs: 60_000, raisePriority: 1 }] });
  router.addQueue({ id: 'q-ring', knownAgentWaitMs: 120_000 });
  router.addQueue({ id: 'q-talk' });
  router.addQueue({ id: 'empty' });
  router.addQueue({ id: 'target' });
  router.addQueue({ id: 'spill' });
  router.addQueue({
    id: 'q-esc',
    maxWaitMs: 200_000,
    exitAction: { action: 'overflow', queue: 'spill' },
    escalation: [{ afterMs: 30_000, overflow: { queue: 'target', when: { maxWaiting: 0 }, recheckMs: 10_000 } }],
  });
  router.addAgent({ id: 'ann', queues: ['q-talk'], skills: { sales: 3 }, state: 'available' });
  router.addAgent({ id: 'bob', queues: ['q-ring'], state: 'available' });
  router.addAgent({ id: 'cy', queues: ['q-ring', 'q-talk'], state: 'not-ready', reason: 'lunch' });
  router.addAgent({ id: 'dee', queues: ['empty'], state: 'available' });
  clock.advance(1_000);
  router.enqueue({ id: 'c-wait', queue: 'q-wait', customerId: 'cust-w' });
  router.enqueue({ id: 'c-cb', queue: 'q-wait' });
  router.requestCallback('c-cb');
  router.scheduleCallback({ id: 'c-sched', queue: 'q-wait', atMs: 300_000 });
  router.enqueue({ id: 'c-talk', queue: 'q-talk', customerId: 'cust-t' });
  router.answer('c-talk');
  router.enqueue({ id: 'c-esc', queue: 'q-esc' });
  clock.advance(1_000);
  router.enqueue({ id: 'c-ring', queue: 'q-ring' });
  router.enqueue({ id: 'c-known', queue: 'q-ring', preferredAgent: 'cy' });
  clock.advance(1_000);
  return harness;
}

/** Everything readable, including calls that no queue line or agent lists (scheduled callbacks). */
function snapshot(harness: Harness) {
  const { router } = harness;
  return {
    ...snapshotRouter(harness),
    byId: CALL_IDS.map((id) => (router.hasCall(id) ? router.getCall(id) : id)),
    positions: CALL_IDS.map((id) => (router.hasCall(id) ? [router.positionOf(id), router.estimatedWaitMs(id)] : id)),
  };
}

const step = (fields: Record<string, unknown>) => ({ afterMs: 1_000, ...fields });
const queueWith = (fields: Record<string, unknown>) => (r: CallRouter) => r.addQueue(bad({ id: 'n', ...fields }));
const updateWith = (fields: Record<string, unknown>) => (r: CallRouter) => r.updateQueue('q-wait', bad(fields));

/** Each bad queue policy, given to addQueue and to updateQueue. */
const badPolicies: Array<[string, Record<string, unknown>, ErrorClass, AcdErrorCode]> = [
  ['escalation not an array', { escalation: { afterMs: 0 } }, BAD, 'INVALID_ARGUMENT'],
  ['escalation step null', { escalation: [null] }, BAD, 'INVALID_ARGUMENT'],
  ['escalation steps out of order', { escalation: [{ afterMs: 2_000 }, { afterMs: 1_000 }] }, BAD, 'INVALID_ARGUMENT'],
  ['step without afterMs', { escalation: [{ raisePriority: 1 }] }, BAD, 'INVALID_ARGUMENT'],
  ['step afterMs -1', { escalation: [{ afterMs: -1 }] }, BAD, 'INVALID_ARGUMENT'],
  ['step afterMs NaN', { escalation: [{ afterMs: Number.NaN }] }, BAD, 'INVALID_ARGUMENT'],
  ['step afterMs Infinity', { escalation: [{ afterMs: Infinity }] }, BAD, 'INVALID_ARGUMENT'],
  ["step afterMs '5'", { escalation: [{ afterMs: '5' }] }, BAD, 'INVALID_ARGUMENT'],
  ['step unknown field', { escalation: [step({ raisePriorty: 1 })] }, BAD, 'INVALID_ARGUMENT'],
  ['step raisePriority NaN', { escalation: [step({ raisePriority: Number.NaN })] }, BAD, 'INVALID_ARGUMENT'],
  ["step raisePriority '1'", { escalation: [step({ raisePriority: '1' })] }, BAD, 'INVALID_ARGUMENT'],
  ['step relax 0', { escalation: [step({ relax: { spanish: 0 } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step relax 6', { escalation: [step({ relax: { spanish: 6 } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step relax 2.5', { escalation: [step({ relax: { spanish: 2.5 } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step relax as a list', { escalation: [step({ relax: ['spanish'] })] }, BAD, 'INVALID_ARGUMENT'],
  ['step dropSkills as a string', { escalation: [step({ dropSkills: 'spanish' })] }, BAD, 'INVALID_ARGUMENT'],
  ["step dropSkills ['']", { escalation: [step({ dropSkills: [''] })] }, BAD, 'INVALID_ARGUMENT'],
  ['step dropSkills [5]', { escalation: [step({ dropSkills: [5] })] }, BAD, 'INVALID_ARGUMENT'],
  ['step maxTier 0', { escalation: [step({ maxTier: 0 })] }, BAD, 'INVALID_ARGUMENT'],
  ['step maxTier 1.5', { escalation: [step({ maxTier: 1.5 })] }, BAD, 'INVALID_ARGUMENT'],
  ["step maxTier '2'", { escalation: [step({ maxTier: '2' })] }, BAD, 'INVALID_ARGUMENT'],
  ["step keepPlace 'no'", { escalation: [step({ keepPlace: 'no' })] }, BAD, 'INVALID_ARGUMENT'],
  ['step skipIfNoAgents 1', { escalation: [step({ skipIfNoAgents: 1 })] }, BAD, 'INVALID_ARGUMENT'],
  ['step name 5', { escalation: [step({ name: 5 })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow as a string', { escalation: [step({ overflow: 'target' })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow without queue', { escalation: [step({ overflow: {} })] }, BAD, 'INVALID_ARGUMENT'],
  ["step overflow queue ''", { escalation: [step({ overflow: { queue: '' } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow unknown field', { escalation: [step({ overflow: { queue: 'target', gate: {} } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow when unknown field', { escalation: [step({ overflow: { queue: 'target', when: { maxWait: 1 } } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow when as a number', { escalation: [step({ overflow: { queue: 'target', when: 3 } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow maxWaiting -1', { escalation: [step({ overflow: { queue: 'target', when: { maxWaiting: -1 } } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow maxWaiting 1.5', { escalation: [step({ overflow: { queue: 'target', when: { maxWaiting: 1.5 } } })] }, BAD, 'INVALID_ARGUMENT'],
  [
    'step overflow maxLongestWaitMs -1',
    { escalation: [step({ overflow: { queue: 'target', when: { maxLongestWaitMs: -1 } } })] },
    BAD,
    'INVALID_ARGUMENT',
  ],
  ['step overflow recheckMs 0', { escalation: [step({ overflow: { queue: 'target', recheckMs: 0 } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow recheckMs -1', { escalation: [step({ overflow: { queue: 'target', recheckMs: -1 } })] }, BAD, 'INVALID_ARGUMENT'],
  ['step overflow to an unknown queue', { escalation: [step({ overflow: { queue: 'nope' } })] }, UnknownQueueError, 'UNKNOWN_QUEUE'],
  [
    'a later step overflows to an unknown queue',
    { escalation: [step({ overflow: { queue: 'target' } }), { afterMs: 5_000, overflow: { queue: 'nope' } }] },
    UnknownQueueError,
    'UNKNOWN_QUEUE',
  ],
  ['agingPerMinute -1', { agingPerMinute: -1 }, BAD, 'INVALID_ARGUMENT'],
  ['agingPerMinute NaN', { agingPerMinute: Number.NaN }, BAD, 'INVALID_ARGUMENT'],
  ['agingPerMinute Infinity', { agingPerMinute: Infinity }, BAD, 'INVALID_ARGUMENT'],
  ['maxTier 0', { maxTier: 0 }, BAD, 'INVALID_ARGUMENT'],
  ['maxTier 2.5', { maxTier: 2.5 }, BAD, 'INVALID_ARGUMENT'],
  ['maxWaitMs -1', { maxWaitMs: -1 }, BAD, 'INVALID_ARGUMENT'],
  ['maxWaitMs NaN', { maxWaitMs: Number.NaN }, BAD, 'INVALID_ARGUMENT'],
  ["maxWaitMs '60'", { maxWaitMs: '60' }, BAD, 'INVALID_ARGUMENT'],
  ['maxWaitNoAgentsMs -1', { maxWaitNoAgentsMs: -1 }, BAD, 'INVALID_ARGUMENT'],
  ["exitAction 'disconnect'", { exitAction: 'disconnect' }, BAD, 'INVALID_ARGUMENT'],
  ["exitAction 'hangup'", { exitAction: { action: 'hangup' } }, BAD, 'INVALID_ARGUMENT'],
  ['exitAction overflow without queue', { exitAction: { action: 'overflow' } }, BAD, 'INVALID_ARGUMENT'],
  ['exitAction voicemail with a queue', { exitAction: { action: 'voicemail', queue: 'target' } }, BAD, 'INVALID_ARGUMENT'],
  ['exitAction overflow to an unknown queue', { exitAction: { action: 'overflow', queue: 'nope' } }, UnknownQueueError, 'UNKNOWN_QUEUE'],
  ['maxLength -1', { maxLength: -1 }, BAD, 'INVALID_ARGUMENT'],
  ['maxLength 1.5', { maxLength: 1.5 }, BAD, 'INVALID_ARGUMENT'],
  ["joinRule 'never'", { joinRule: 'never' }, BAD, 'INVALID_ARGUMENT'],
  ['rejoinWindowMs -1', { rejoinWindowMs: -1 }, BAD, 'INVALID_ARGUMENT'],
  ['knownAgentWaitMs -1', { knownAgentWaitMs: -1 }, BAD, 'INVALID_ARGUMENT'],
  ['callback as a number', { callback: 3 }, BAD, 'INVALID_ARGUMENT'],
  ['callback maxAttempts 0', { callback: { maxAttempts: 0 } }, BAD, 'INVALID_ARGUMENT'],
  ['callback maxAttempts 1.5', { callback: { maxAttempts: 1.5 } }, BAD, 'INVALID_ARGUMENT'],
  ['callback retryDelayMs -1', { callback: { retryDelayMs: -1 } }, BAD, 'INVALID_ARGUMENT'],
  ["callback channel ''", { callback: { channel: '' } }, BAD, 'INVALID_ARGUMENT'],
  ['callback unknown field', { callback: { attempts: 2 } }, BAD, 'INVALID_ARGUMENT'],
  ['defaultHandleMs 0', { defaultHandleMs: 0 }, BAD, 'INVALID_ARGUMENT'],
  ['defaultHandleMs -1', { defaultHandleMs: -1 }, BAD, 'INVALID_ARGUMENT'],
  ['a good policy with a bad one', { maxWaitMs: 1, maxLength: 0, joinRule: 'sometimes' }, BAD, 'INVALID_ARGUMENT'],
];

const cases: Case[] = [
  ...badPolicies.flatMap(([label, fields, type, code]): Case[] => [
    { label: `addQueue ${label}`, act: queueWith(fields), type, code },
    { label: `updateQueue ${label}`, act: updateWith(fields), type, code },
  ]),
  { label: 'addQueue overflowing to itself (escalation)', act: queueWith({ escalation: [step({ overflow: { queue: 'n' } })] }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue overflowing to itself (exitAction)', act: queueWith({ exitAction: { action: 'overflow', queue: 'n' } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue overflowing to itself (escalation)', act: updateWith({ escalation: [step({ overflow: { queue: 'q-wait' } })] }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue overflowing to itself (exitAction)', act: updateWith({ exitAction: { action: 'overflow', queue: 'q-wait' } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue unknown queue with good policies', act: (r) => r.updateQueue('nope', { maxWaitMs: 1 }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },

  // removeQueue
  { label: 'removeQueue an escalation overflow target', act: (r) => r.removeQueue('target'), type: STATE, code: 'INVALID_STATE' },
  { label: 'removeQueue an exitAction overflow target', act: (r) => r.removeQueue('spill'), type: STATE, code: 'INVALID_STATE' },

  // enqueue: new fields
  { label: 'enqueue escalation not an array', act: (r) => r.enqueue(bad({ id: 'n', queue: 'empty', escalation: {} })), type: BAD, code: 'INVALID_ARGUMENT' },
  {
    label: 'enqueue escalation out of order',
    act: (r) => r.enqueue({ id: 'n', queue: 'empty', escalation: [{ afterMs: 5 }, { afterMs: 4 }] }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  {
    label: 'enqueue escalation overflowing to its own queue',
    act: (r) => r.enqueue({ id: 'n', queue: 'empty', escalation: [{ afterMs: 5, overflow: { queue: 'empty' } }] }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  {
    label: 'enqueue escalation overflowing to an unknown queue',
    act: (r) => r.enqueue({ id: 'n', queue: 'empty', escalation: [{ afterMs: 5, overflow: { queue: 'nope' } }] }),
    type: UnknownQueueError,
    code: 'UNKNOWN_QUEUE',
  },
  { label: 'enqueue maxWaitMs -1', act: (r) => r.enqueue({ id: 'n', queue: 'empty', maxWaitMs: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue maxWaitMs NaN', act: (r) => r.enqueue({ id: 'n', queue: 'empty', maxWaitMs: Number.NaN }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "enqueue maxWaitMs '5'", act: (r) => r.enqueue(bad({ id: 'n', queue: 'empty', maxWaitMs: '5' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "enqueue preferredAgent ''", act: (r) => r.enqueue({ id: 'n', queue: 'empty', preferredAgent: '' }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue preferredAgent 5', act: (r) => r.enqueue(bad({ id: 'n', queue: 'empty', preferredAgent: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },
  {
    label: 'enqueue preferredAgentWaitMs without preferredAgent',
    act: (r) => r.enqueue({ id: 'n', queue: 'empty', preferredAgentWaitMs: 5 }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  {
    label: 'enqueue preferredAgentWaitMs -1',
    act: (r) => r.enqueue({ id: 'n', queue: 'empty', preferredAgent: 'dee', preferredAgentWaitMs: -1 }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  { label: 'enqueue atMs (a callback field)', act: (r) => r.enqueue(bad({ id: 'n', queue: 'empty', atMs: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue the id of a scheduled callback', act: (r) => r.enqueue({ id: 'c-sched', queue: 'empty' }), type: DuplicateIdError, code: 'DUPLICATE_ID' },

  // scheduleCallback
  { label: 'scheduleCallback(null)', act: (r) => r.scheduleCallback(bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback without atMs', act: (r) => r.scheduleCallback(bad({ id: 'n', queue: 'empty' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback atMs NaN', act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: Number.NaN }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback atMs Infinity', act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: Infinity }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "scheduleCallback atMs '5'", act: (r) => r.scheduleCallback(bad({ id: 'n', queue: 'empty', atMs: '5' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback maxAttempts 0', act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: 0, maxAttempts: 0 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback maxAttempts 1.5', act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: 0, maxAttempts: 1.5 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback retryDelayMs -1', act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: 0, retryDelayMs: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback maxWaitMs', act: (r) => r.scheduleCallback(bad({ id: 'n', queue: 'empty', atMs: 0, maxWaitMs: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback unknown field', act: (r) => r.scheduleCallback(bad({ id: 'n', queue: 'empty', atMs: 0, dueAtMs: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback priority NaN', act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: 0, priority: Number.NaN }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'scheduleCallback requirement 9', act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: 0, requirements: { x: 9 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  {
    label: 'scheduleCallback escalation out of order',
    act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: 0, escalation: [{ afterMs: 2 }, { afterMs: 1 }] }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  {
    label: 'scheduleCallback preferredAgentWaitMs without preferredAgent',
    act: (r) => r.scheduleCallback({ id: 'n', queue: 'empty', atMs: 0, preferredAgentWaitMs: 5 }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  { label: 'scheduleCallback unknown queue', act: (r) => r.scheduleCallback({ id: 'n', queue: 'nope', atMs: 0 }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: 'scheduleCallback id of a live call', act: (r) => r.scheduleCallback({ id: 'c-wait', queue: 'empty', atMs: 0 }), type: DuplicateIdError, code: 'DUPLICATE_ID' },

  // withdraw
  { label: 'withdraw unknown call', act: (r) => r.withdraw('nope', 'x'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: "withdraw id ''", act: (r) => r.withdraw('', 'x'), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "withdraw reason ''", act: (r) => r.withdraw('c-wait', ''), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'withdraw reason undefined', act: (r) => r.withdraw('c-ring', bad(undefined)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'withdraw reason 5', act: (r) => r.withdraw('c-sched', bad(5)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'withdraw a connected call', act: (r) => r.withdraw('c-talk', 'x'), type: STATE, code: 'INVALID_STATE' },

  // setCallPriority, adjustCallAge
  { label: 'setCallPriority unknown call', act: (r) => r.setCallPriority('nope', 1), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: 'setCallPriority NaN', act: (r) => r.setCallPriority('c-wait', Number.NaN), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'setCallPriority Infinity', act: (r) => r.setCallPriority('c-ring', Infinity), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "setCallPriority '1'", act: (r) => r.setCallPriority('c-known', bad('1')), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'adjustCallAge unknown call', act: (r) => r.adjustCallAge('nope', 1), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: 'adjustCallAge -1', act: (r) => r.adjustCallAge('c-wait', -1), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'adjustCallAge NaN', act: (r) => r.adjustCallAge('c-wait', Number.NaN), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'adjustCallAge Infinity', act: (r) => r.adjustCallAge('c-wait', Infinity), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "adjustCallAge '5'", act: (r) => r.adjustCallAge('c-esc', bad('5')), type: BAD, code: 'INVALID_ARGUMENT' },

  // requestCallback
  { label: 'requestCallback unknown call', act: (r) => r.requestCallback('nope'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: 'requestCallback an offered call', act: (r) => r.requestCallback('c-ring'), type: STATE, code: 'INVALID_STATE' },
  { label: 'requestCallback a connected call', act: (r) => r.requestCallback('c-talk'), type: STATE, code: 'INVALID_STATE' },
  { label: 'requestCallback a scheduled callback', act: (r) => r.requestCallback('c-sched'), type: STATE, code: 'INVALID_STATE' },
  { label: 'requestCallback a waiting callback', act: (r) => r.requestCallback('c-cb'), type: STATE, code: 'INVALID_STATE' },
  { label: 'requestCallback options null', act: (r) => r.requestCallback('c-wait', bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'requestCallback maxAttempts 0', act: (r) => r.requestCallback('c-wait', { maxAttempts: 0 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'requestCallback retryDelayMs -1', act: (r) => r.requestCallback('c-wait', { retryDelayMs: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'requestCallback unknown option', act: (r) => r.requestCallback('c-wait', bad({ channel: 'callback' })), type: BAD, code: 'INVALID_ARGUMENT' },

  // callbackUnanswered
  { label: 'callbackUnanswered unknown call', act: (r) => r.callbackUnanswered('nope'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: 'callbackUnanswered a connected inbound call', act: (r) => r.callbackUnanswered('c-talk'), type: STATE, code: 'INVALID_STATE' },
  { label: 'callbackUnanswered a waiting callback', act: (r) => r.callbackUnanswered('c-cb'), type: STATE, code: 'INVALID_STATE' },
  { label: 'callbackUnanswered a scheduled callback', act: (r) => r.callbackUnanswered('c-sched'), type: STATE, code: 'INVALID_STATE' },

  // transfer
  { label: 'transfer unknown call', act: (r) => r.transfer('nope', { queue: 'empty' }), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: 'transfer a waiting call', act: (r) => r.transfer('c-wait', { queue: 'empty' }), type: STATE, code: 'INVALID_STATE' },
  { label: 'transfer an offered call', act: (r) => r.transfer('c-ring', { queue: 'empty' }), type: STATE, code: 'INVALID_STATE' },
  { label: 'transfer a scheduled callback', act: (r) => r.transfer('c-sched', { queue: 'empty' }), type: STATE, code: 'INVALID_STATE' },
  { label: 'transfer target null', act: (r) => r.transfer('c-talk', bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer target {}', act: (r) => r.transfer('c-talk', bad({})), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer target unknown field', act: (r) => r.transfer('c-talk', bad({ queue: 'empty', skill: 'x' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "transfer target queue ''", act: (r) => r.transfer('c-talk', { queue: '' }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer to an unknown queue', act: (r) => r.transfer('c-talk', { queue: 'nope' }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: 'transfer to an unknown agent', act: (r) => r.transfer('c-talk', { agent: 'nope' }), type: UnknownAgentError, code: 'UNKNOWN_AGENT' },
  { label: 'transfer to an agent in an unknown queue', act: (r) => r.transfer('c-talk', { agent: 'dee', queue: 'nope' }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: 'transfer options null', act: (r) => r.transfer('c-talk', { queue: 'empty' }, bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "transfer keepArrival 'yes'", act: (r) => r.transfer('c-talk', { queue: 'empty' }, bad({ keepArrival: 'yes' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer priority NaN', act: (r) => r.transfer('c-talk', { queue: 'empty' }, { priority: Number.NaN }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer requirement 9', act: (r) => r.transfer('c-talk', { queue: 'empty' }, { requirements: { x: 9 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer wrapUpMs -1', act: (r) => r.transfer('c-talk', { queue: 'empty' }, { wrapUpMs: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer wrapUpMs Infinity', act: (r) => r.transfer('c-talk', { queue: 'empty' }, { wrapUpMs: Infinity }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer waitMs -1', act: (r) => r.transfer('c-talk', { agent: 'dee' }, { waitMs: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'transfer unknown option', act: (r) => r.transfer('c-talk', { queue: 'empty' }, bad({ keepPlace: true })), type: BAD, code: 'INVALID_ARGUMENT' },

  // positionOf, estimatedWaitMs
  { label: 'positionOf unknown call', act: (r) => r.positionOf('nope'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: "positionOf id ''", act: (r) => r.positionOf(''), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'estimatedWaitMs unknown call', act: (r) => r.estimatedWaitMs('nope'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: 'estimatedWaitMs id 5', act: (r) => r.estimatedWaitMs(bad(5)), type: BAD, code: 'INVALID_ARGUMENT' },
];

function expectAcdError(act: () => unknown, type: ErrorClass, code: AcdErrorCode): AcdError {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(type);
  expect(thrown).toBeInstanceOf(AcdError);
  const error = thrown as AcdError;
  expect(error.code).toBe(code);
  expect(error.name).toBe(type.name);
  expect(error.message).not.toBe('');
  return error;
}

/** The events of the next 700 s of a world, with nothing done but time passing. */
function future(harness: Harness) {
  const events = recordEvents(harness.router);
  for (let i = 0; i < 70; i++) harness.clock.advance(10_000);
  return { events, after: snapshot(harness) };
}

describe('bad input to the policy API', () => {
  it.each(cases)('$label throws $code and changes nothing', ({ act, type, code }) => {
    const harness = world();
    const before = snapshot(harness);
    const events = recordEvents(harness.router);
    expectAcdError(() => act(harness.router), type, code);
    expect(events).toEqual([]);
    expect(snapshot(harness)).toEqual(before);
    // Timed actions still run exactly as in an untouched world.
    expect(future(harness)).toEqual(future(world()));
  });

  it.each<[string, unknown]>([
    ['lastAgentWindowMs -1', -1],
    ['lastAgentWindowMs NaN', Number.NaN],
    ["lastAgentWindowMs '5'", '5'],
  ])('new CallRouter with %s throws INVALID_ARGUMENT', (_label, value) => {
    expectAcdError(() => new CallRouter(bad({ clock: new SimulatedClock(), lastAgentWindowMs: value })), BAD, 'INVALID_ARGUMENT');
  });

  it('accepts the boundary values of the new options', () => {
    const router = new CallRouter({ clock: new SimulatedClock(), lastAgentWindowMs: Infinity });
    router.addQueue({ id: 't' });
    expect(
      router.addQueue({
        id: 'q',
        escalation: [
          { afterMs: 0, maxTier: Infinity, relax: {}, dropSkills: [], name: '' },
          { afterMs: 0, overflow: { queue: 't', when: { maxWaiting: 0, maxLongestWaitMs: 0 }, recheckMs: 1 } },
        ],
        agingPerMinute: 0,
        maxTier: 1,
        maxWaitMs: 0,
        maxWaitNoAgentsMs: Infinity,
        exitAction: { action: 'overflow', queue: 't' },
        maxLength: 0,
        joinRule: 'agents-available',
        rejoinWindowMs: 0,
        knownAgentWaitMs: Infinity,
        callback: { maxAttempts: 1, retryDelayMs: 0, channel: 'callback' },
        defaultHandleMs: 1,
      }),
    ).toMatchObject({ maxTier: 1, maxLength: 0, maxWaitMs: 0, knownAgentWaitMs: Infinity, callback: { maxAttempts: 1, retryDelayMs: 0, channel: 'callback' } });
    expect(router.updateQueue('q', { maxLength: Infinity, maxTier: Infinity, maxWaitMs: Infinity, joinRule: 'always' })).toMatchObject({
      maxLength: Infinity,
      maxTier: Infinity,
      maxWaitMs: Infinity,
    });
    expect(router.enqueue({ id: 'c', queue: 'q', maxWaitMs: Infinity, preferredAgent: 'ghost', preferredAgentWaitMs: Infinity }).accepted).toBe(true);
    expect(router.scheduleCallback({ id: 'cb', queue: 't', atMs: -1e12, maxAttempts: 1, retryDelayMs: 0 }).status).toBe('waiting');
    expect(router.adjustCallAge('c', 0).lineMs).toBe(0);
  });
});
