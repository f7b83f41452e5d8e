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

/** Bad input, cast past the type checker as a JavaScript caller would pass it. */
const bad = <T>(value: unknown): T => value as T;

/**
 * A router with something in every state:
 * - `q-wait`: call `c-wait` waiting (nobody serves the queue);
 * - `q-ring`: call `c-ring` ringing agent `bob`;
 * - `q-talk`: call `c-talk` connected to agent `ann`;
 * - `empty`: no calls; agent `dee` serves it, available and idle;
 * - agent `cy`: not-ready (lunch), serves q-ring and q-talk.
 */
function world(): Harness {
  const harness = createRouter({ declineDelayMs: 1_000, noAnswerDelayMs: 60_000 });
  const { clock, router } = harness;
  for (const id of ['q-wait', 'q-ring', 'q-talk', 'empty']) router.addQueue({ id });
  router.addAgent({ id: 'ann', queues: ['q-talk'], skills: { sales: 3 }, state: 'available' });
  router.addAgent({ id: 'bob', queues: ['q-ring'], state: 'available' });
  router.addAgent({ id: 'cy', queues: ['q-ring', 'q-talk'], state: 'not-ready', reason: 'lunch' });
  router.addAgent({ id: 'dee', queues: ['empty'], state: 'available' });
  clock.advance(1_000);
  router.enqueue({ id: 'c-wait', queue: 'q-wait' });
  router.enqueue({ id: 'c-talk', queue: 'q-talk' });
  router.answer('c-talk');
  clock.advance(1_000);
  router.enqueue({ id: 'c-ring', queue: 'q-ring' });
  clock.advance(1_000);
  return harness;
}

const cases: Case[] = [
  // addQueue
  { label: 'addQueue(null)', act: (r) => r.addQueue(bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue([])', act: (r) => r.addQueue(bad([])), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue without id', act: (r) => r.addQueue(bad({})), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "addQueue id ''", act: (r) => r.addQueue({ id: '' }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue id 5', act: (r) => r.addQueue(bad({ id: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue unknown strategy', act: (r) => r.addQueue(bad({ id: 'n', strategy: 'fastest' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue weight 0', act: (r) => r.addQueue({ id: 'n', weight: 0 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue weight -1', act: (r) => r.addQueue({ id: 'n', weight: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue weight NaN', act: (r) => r.addQueue({ id: 'n', weight: Number.NaN }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue weight Infinity', act: (r) => r.addQueue({ id: 'n', weight: Infinity }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "addQueue weight '2'", act: (r) => r.addQueue(bad({ id: 'n', weight: '2' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue offerTimeoutMs 0', act: (r) => r.addQueue({ id: 'n', offerTimeoutMs: 0 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue offerTimeoutMs -1', act: (r) => r.addQueue({ id: 'n', offerTimeoutMs: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue offerTimeoutMs NaN', act: (r) => r.addQueue({ id: 'n', offerTimeoutMs: Number.NaN }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue wrapUpMs -1', act: (r) => r.addQueue({ id: 'n', wrapUpMs: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue wrapUpMs Infinity', act: (r) => r.addQueue({ id: 'n', wrapUpMs: Infinity }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue misspelt field', act: (r) => r.addQueue(bad({ id: 'n', wrapupMs: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addQueue duplicate id', act: (r) => r.addQueue({ id: 'q-wait' }), type: DuplicateIdError, code: 'DUPLICATE_ID' },

  // updateQueue
  { label: 'updateQueue unknown queue', act: (r) => r.updateQueue('nope', { weight: 2 }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: "updateQueue id ''", act: (r) => r.updateQueue('', { weight: 2 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue id 5', act: (r) => r.updateQueue(bad(5), { weight: 2 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue(null update)', act: (r) => r.updateQueue('q-wait', bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue changing id', act: (r) => r.updateQueue('q-wait', bad({ id: 'x' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue unknown field', act: (r) => r.updateQueue('q-wait', bad({ priority: 1 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue unknown strategy', act: (r) => r.updateQueue('q-wait', bad({ strategy: 'x' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue weight 0', act: (r) => r.updateQueue('q-wait', { weight: 0 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateQueue offerTimeoutMs 0', act: (r) => r.updateQueue('q-ring', { offerTimeoutMs: 0 }), type: BAD, code: 'INVALID_ARGUMENT' },
  {
    label: 'updateQueue valid weight with bad wrapUpMs',
    act: (r) => r.updateQueue('q-talk', { weight: 9, wrapUpMs: -5 }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },

  // removeQueue
  { label: 'removeQueue unknown queue', act: (r) => r.removeQueue('nope'), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: "removeQueue id ''", act: (r) => r.removeQueue(''), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'removeQueue with a waiting call', act: (r) => r.removeQueue('q-wait'), type: InvalidStateError, code: 'INVALID_STATE' },
  { label: 'removeQueue with an offered call', act: (r) => r.removeQueue('q-ring'), type: InvalidStateError, code: 'INVALID_STATE' },
  { label: 'removeQueue with a connected call', act: (r) => r.removeQueue('q-talk'), type: InvalidStateError, code: 'INVALID_STATE' },

  // addAgent
  { label: 'addAgent(null)', act: (r) => r.addAgent(bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent without id', act: (r) => r.addAgent(bad({ queues: [] })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "addAgent id ''", act: (r) => r.addAgent({ id: '', queues: [] }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent without queues', act: (r) => r.addAgent(bad({ id: 'n' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent queues as a string', act: (r) => r.addAgent(bad({ id: 'n', queues: 'q-wait' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent unknown queue', act: (r) => r.addAgent({ id: 'n', queues: ['q-wait', 'nope'] }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: 'addAgent unknown queue (tiers)', act: (r) => r.addAgent({ id: 'n', queues: { nope: 1 } }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: 'addAgent queue id 5', act: (r) => r.addAgent(bad({ id: 'n', queues: [5] })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent tier 0', act: (r) => r.addAgent({ id: 'n', queues: { 'q-wait': 0 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent tier 1.5', act: (r) => r.addAgent({ id: 'n', queues: { 'q-wait': 1.5 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "addAgent tier '1'", act: (r) => r.addAgent(bad({ id: 'n', queues: { 'q-wait': '1' } })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent skill 0', act: (r) => r.addAgent({ id: 'n', queues: ['q-wait'], skills: { x: 0 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent skill 6', act: (r) => r.addAgent({ id: 'n', queues: ['q-wait'], skills: { x: 6 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent skill 2.5', act: (r) => r.addAgent({ id: 'n', queues: ['q-wait'], skills: { x: 2.5 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "addAgent skill ''", act: (r) => r.addAgent({ id: 'n', queues: ['q-wait'], skills: { '': 3 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent skills as a list', act: (r) => r.addAgent(bad({ id: 'n', queues: ['q-wait'], skills: ['x'] })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent capacity -1', act: (r) => r.addAgent({ id: 'n', queues: ['q-wait'], capacity: { voice: -1 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent capacity 1.5', act: (r) => r.addAgent({ id: 'n', queues: ['q-wait'], capacity: { chat: 1.5 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'addAgent capacity 3', act: (r) => r.addAgent(bad({ id: 'n', queues: ['q-wait'], capacity: 3 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "addAgent state 'busy'", act: (r) => r.addAgent(bad({ id: 'n', queues: ['q-wait'], state: 'busy' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "addAgent state 'offered'", act: (r) => r.addAgent(bad({ id: 'n', queues: ['q-wait'], state: 'offered' })), type: BAD, code: 'INVALID_ARGUMENT' },
  {
    label: 'addAgent reason without not-ready',
    act: (r) => r.addAgent({ id: 'n', queues: ['q-wait'], state: 'available', reason: 'x' }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  {
    label: 'addAgent reason 5',
    act: (r) => r.addAgent(bad({ id: 'n', queues: ['q-wait'], state: 'not-ready', reason: 5 })),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  { label: 'addAgent unknown field', act: (r) => r.addAgent(bad({ id: 'n', queues: ['q-wait'], tier: 1 })), type: BAD, code: 'INVALID_ARGUMENT' },
  {
    label: 'addAgent available for a waiting call, with one bad skill',
    act: (r) => r.addAgent({ id: 'n', queues: ['q-wait'], state: 'available', skills: { sales: 3, x: 0 } }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  { label: 'addAgent duplicate id', act: (r) => r.addAgent({ id: 'dee', queues: ['q-wait'] }), type: DuplicateIdError, code: 'DUPLICATE_ID' },

  // updateAgent
  { label: 'updateAgent unknown agent', act: (r) => r.updateAgent('nope', {}), type: UnknownAgentError, code: 'UNKNOWN_AGENT' },
  { label: 'updateAgent id 5', act: (r) => r.updateAgent(bad(5), {}), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateAgent(null update)', act: (r) => r.updateAgent('dee', bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateAgent state field', act: (r) => r.updateAgent('dee', bad({ state: 'offline' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateAgent unknown queue', act: (r) => r.updateAgent('dee', { queues: ['nope'] }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: 'updateAgent tier 0', act: (r) => r.updateAgent('dee', { queues: { 'q-wait': 0 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateAgent skill 9', act: (r) => r.updateAgent('ann', { skills: { sales: 9 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'updateAgent capacity -1', act: (r) => r.updateAgent('dee', { capacity: { chat: -1 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  {
    label: 'updateAgent to a queue with a waiting call, with a bad capacity',
    act: (r) => r.updateAgent('dee', { queues: ['q-wait'], capacity: { voice: -1 } }),
    type: BAD,
    code: 'INVALID_ARGUMENT',
  },
  {
    label: 'updateAgent to a queue with a waiting call, with an unknown queue',
    act: (r) => r.updateAgent('dee', { queues: ['q-wait', 'nope'] }),
    type: UnknownQueueError,
    code: 'UNKNOWN_QUEUE',
  },

  // removeAgent
  { label: 'removeAgent unknown agent', act: (r) => r.removeAgent('nope'), type: UnknownAgentError, code: 'UNKNOWN_AGENT' },
  { label: "removeAgent id ''", act: (r) => r.removeAgent(''), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'removeAgent while connected', act: (r) => r.removeAgent('ann'), type: InvalidStateError, code: 'INVALID_STATE' },

  // setAgentState
  { label: 'setAgentState unknown agent', act: (r) => r.setAgentState('nope', 'available'), type: UnknownAgentError, code: 'UNKNOWN_AGENT' },
  { label: 'setAgentState id null', act: (r) => r.setAgentState(bad(null), 'available'), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "setAgentState 'busy'", act: (r) => r.setAgentState('dee', bad('busy')), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "setAgentState 'wrap-up'", act: (r) => r.setAgentState('dee', bad('wrap-up')), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'setAgentState undefined', act: (r) => r.setAgentState('dee', bad(undefined)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'setAgentState available with a reason', act: (r) => r.setAgentState('cy', 'available', 'back'), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'setAgentState offline with a reason', act: (r) => r.setAgentState('bob', 'offline', 'home'), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'setAgentState reason 5', act: (r) => r.setAgentState('bob', 'not-ready', bad(5)), type: BAD, code: 'INVALID_ARGUMENT' },

  // enqueue
  { label: 'enqueue(null)', act: (r) => r.enqueue(bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue without id', act: (r) => r.enqueue(bad({ queue: 'q-ring' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "enqueue id ''", act: (r) => r.enqueue({ id: '', queue: 'q-ring' }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue without queue', act: (r) => r.enqueue(bad({ id: 'n' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue unknown queue', act: (r) => r.enqueue({ id: 'n', queue: 'nope' }), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: 'enqueue priority NaN', act: (r) => r.enqueue({ id: 'n', queue: 'q-ring', priority: Number.NaN }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue priority Infinity', act: (r) => r.enqueue({ id: 'n', queue: 'q-ring', priority: Infinity }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "enqueue priority '1'", act: (r) => r.enqueue(bad({ id: 'n', queue: 'q-ring', priority: '1' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "enqueue channel ''", act: (r) => r.enqueue({ id: 'n', queue: 'q-ring', channel: '' }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue channel 5', act: (r) => r.enqueue(bad({ id: 'n', queue: 'q-ring', channel: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue requirement 0', act: (r) => r.enqueue({ id: 'n', queue: 'q-ring', requirements: { x: 0 } }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue requirements as a string', act: (r) => r.enqueue(bad({ id: 'n', queue: 'q-ring', requirements: 'x' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue customerId 5', act: (r) => r.enqueue(bad({ id: 'n', queue: 'q-ring', customerId: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue attributes as a string', act: (r) => r.enqueue(bad({ id: 'n', queue: 'q-ring', attributes: 'x' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue attributes as a list', act: (r) => r.enqueue(bad({ id: 'n', queue: 'q-ring', attributes: [] })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue attributes null', act: (r) => r.enqueue(bad({ id: 'n', queue: 'q-ring', attributes: null })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue unknown field', act: (r) => r.enqueue(bad({ id: 'n', queue: 'q-ring', skills: {} })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'enqueue id of a waiting call', act: (r) => r.enqueue({ id: 'c-wait', queue: 'empty' }), type: DuplicateIdError, code: 'DUPLICATE_ID' },
  { label: 'enqueue id of an offered call', act: (r) => r.enqueue({ id: 'c-ring', queue: 'empty' }), type: DuplicateIdError, code: 'DUPLICATE_ID' },
  { label: 'enqueue id of a connected call', act: (r) => r.enqueue({ id: 'c-talk', queue: 'empty' }), type: DuplicateIdError, code: 'DUPLICATE_ID' },

  // answer, decline, abandon, complete
  ...(['answer', 'decline'] as const).flatMap((method): Case[] => [
    { label: `${method} unknown call`, act: (r) => r[method]('nope'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
    { label: `${method} id 5`, act: (r) => r[method](bad(5)), type: BAD, code: 'INVALID_ARGUMENT' },
    { label: `${method} id undefined`, act: (r) => r[method](bad(undefined)), type: BAD, code: 'INVALID_ARGUMENT' },
    { label: `${method} a waiting call`, act: (r) => r[method]('c-wait'), type: InvalidStateError, code: 'INVALID_STATE' },
    { label: `${method} a connected call`, act: (r) => r[method]('c-talk'), type: InvalidStateError, code: 'INVALID_STATE' },
  ]),
  { label: 'abandon unknown call', act: (r) => r.abandon('nope'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: "abandon id ''", act: (r) => r.abandon(''), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'abandon a connected call', act: (r) => r.abandon('c-talk'), type: InvalidStateError, code: 'INVALID_STATE' },
  { label: 'complete unknown call', act: (r) => r.complete('nope'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: 'complete id 5', act: (r) => r.complete(bad(5)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'complete a waiting call', act: (r) => r.complete('c-wait'), type: InvalidStateError, code: 'INVALID_STATE' },
  { label: 'complete an offered call', act: (r) => r.complete('c-ring'), type: InvalidStateError, code: 'INVALID_STATE' },
  { label: 'complete with outcome as a string', act: (r) => r.complete('c-talk', bad('done')), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'complete with outcome null', act: (r) => r.complete('c-talk', bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'complete with wrapUpMs -1', act: (r) => r.complete('c-talk', { wrapUpMs: -1 }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'complete with wrapUpMs Infinity', act: (r) => r.complete('c-talk', { wrapUpMs: Infinity }), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "complete with resolved 'yes'", act: (r) => r.complete('c-talk', bad({ resolved: 'yes' })), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'complete with disposition 5', act: (r) => r.complete('c-talk', bad({ disposition: 5 })), type: BAD, code: 'INVALID_ARGUMENT' },

  // reads
  { label: 'getCall unknown call', act: (r) => r.getCall('nope'), type: UnknownCallError, code: 'UNKNOWN_CALL' },
  { label: "getCall id ''", act: (r) => r.getCall(''), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'getAgent unknown agent', act: (r) => r.getAgent('nope'), type: UnknownAgentError, code: 'UNKNOWN_AGENT' },
  { label: 'getAgent id 5', act: (r) => r.getAgent(bad(5)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'getQueue unknown queue', act: (r) => r.getQueue('nope'), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: 'getQueue id null', act: (r) => r.getQueue(bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'waitingCalls unknown queue', act: (r) => r.waitingCalls('nope'), type: UnknownQueueError, code: 'UNKNOWN_QUEUE' },
  { label: "waitingCalls id ''", act: (r) => r.waitingCalls(''), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'hasCall id 5', act: (r) => r.hasCall(bad(5)), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: "hasAgent id ''", act: (r) => r.hasAgent(''), type: BAD, code: 'INVALID_ARGUMENT' },
  { label: 'hasQueue id null', act: (r) => r.hasQueue(bad(null)), type: BAD, code: 'INVALID_ARGUMENT' },
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

describe('bad input', () => {
  it.each(cases)('$label throws $code and changes nothing', ({ act, type, code }) => {
    const harness = world();
    const before = snapshotRouter(harness);
    const events = recordEvents(harness.router);
    expectAcdError(() => act(harness.router), type, code);
    expect(events).toEqual([]);
    expect(snapshotRouter(harness)).toEqual(before);
    // Time still works as before: the ringing offer expires on schedule.
    harness.clock.advanceTo(17_000);
    expect(harness.router.getCall('c-ring')).toMatchObject({ status: 'waiting', offers: 1 });
  });

  it('rejects a misspelt field in a call outcome, like every other options object', () => {
    const harness = world();
    const before = snapshotRouter(harness);
    expectAcdError(() => harness.router.complete('c-talk', bad({ wrapupMs: 0 })), BAD, 'INVALID_ARGUMENT');
    expect(snapshotRouter(harness)).toEqual(before);
  });

  it('shows the bad value in the message as it is: NaN and Infinity by name, strings with their type', () => {
    const { router } = world();
    expect(expectAcdError(() => router.enqueue({ id: 'c-nan', queue: 'empty', priority: NaN }), BAD, 'INVALID_ARGUMENT').message).toBe(
      'Expected `call.priority` to be a finite number, got `NaN` (number)',
    );
    expect(expectAcdError(() => router.enqueue({ id: 'c-inf', queue: 'empty', priority: Infinity }), BAD, 'INVALID_ARGUMENT').message).toContain(
      'got `Infinity` (number)',
    );
    expect(expectAcdError(() => router.enqueue({ id: 'c-str', queue: 'empty', priority: bad('high') }), BAD, 'INVALID_ARGUMENT').message).toContain(
      'got `high` (string)',
    );
  });

  it('names the missing thing on lookup errors', () => {
    const { router } = world();
    expect(expectAcdError(() => router.getQueue('q-x'), UnknownQueueError, 'UNKNOWN_QUEUE')).toMatchObject({ queueId: 'q-x' });
    expect(expectAcdError(() => router.getAgent('a-x'), UnknownAgentError, 'UNKNOWN_AGENT')).toMatchObject({ agentId: 'a-x' });
    expect(expectAcdError(() => router.getCall('c-x'), UnknownCallError, 'UNKNOWN_CALL')).toMatchObject({ callId: 'c-x' });
    expect(expectAcdError(() => router.addQueue({ id: 'empty' }), DuplicateIdError, 'DUPLICATE_ID')).toMatchObject({ id: 'empty' });
  });

  it('answers has* questions with false for unknown ids', () => {
    const { router } = world();
    expect([router.hasCall('nope'), router.hasAgent('nope'), router.hasQueue('nope')]).toEqual([false, false, false]);
    expect([router.hasCall('c-ring'), router.hasAgent('cy'), router.hasQueue('empty')]).toEqual([true, true, true]);
  });

  it.each<[string, unknown]>([
    ['null options', null],
    ['a string', 'fast'],
    ['a list', []],
    ['an unknown option', { clock: new SimulatedClock(), maxMisedOffers: 2 }],
    ['a clock without schedule()', { clock: { now: () => 0 } }],
    ['a number as clock', { clock: 5 }],
    ['a logger without error()', { clock: new SimulatedClock(), logger: { info: () => {} } }],
    ['a null clock', { clock: null }],
    ['a null logger', { clock: new SimulatedClock(), logger: null }],
    ['seed NaN', { clock: new SimulatedClock(), seed: Number.NaN }],
    ['seed Infinity', { clock: new SimulatedClock(), seed: Infinity }],
    ["seed '1'", { clock: new SimulatedClock(), seed: '1' }],
    ['maxMissedOffers -1', { clock: new SimulatedClock(), maxMissedOffers: -1 }],
    ['maxMissedOffers 1.5', { clock: new SimulatedClock(), maxMissedOffers: 1.5 }],
    ['declineDelayMs -1', { clock: new SimulatedClock(), declineDelayMs: -1 }],
    ['declineDelayMs Infinity', { clock: new SimulatedClock(), declineDelayMs: Infinity }],
    ['noAnswerDelayMs NaN', { clock: new SimulatedClock(), noAnswerDelayMs: Number.NaN }],
    ["noAnswerDelayMs '5'", { clock: new SimulatedClock(), noAnswerDelayMs: '5' }],
  ])('new CallRouter(%s) throws INVALID_ARGUMENT', (_label, options) => {
    expectAcdError(() => new CallRouter(bad(options)), BAD, 'INVALID_ARGUMENT');
  });

  it('accepts the boundary values of every option', () => {
    const clock = new SimulatedClock();
    const router = new CallRouter({ clock, seed: -7, maxMissedOffers: 0, declineDelayMs: 0, noAnswerDelayMs: 0 });
    expect(router.clock).toBe(clock);
    expect(router.addQueue({ id: 'q', weight: 0.001, offerTimeoutMs: Infinity, wrapUpMs: 0 })).toMatchObject({
      weight: 0.001,
      offerTimeoutMs: Infinity,
      wrapUpMs: 0,
    });
    expect(router.addAgent({ id: 'a', queues: { q: 7 }, skills: { x: 1, y: 5 }, capacity: { voice: 0, chat: 10 } })).toMatchObject({
      queues: { q: 7 },
      skills: { x: 1, y: 5 },
    });
    expect(router.enqueue({ id: 'c', queue: 'q', priority: -1e9, channel: 'sms', requirements: { x: 5 } }).status).toBe('waiting');
  });
});
