/**
 * The smallest program: one queue, two agents, one call that needs Spanish, answered, completed,
 * wrapped up — with the events a backend would act on.
 *
 * Run: npm run example:first-call
 */
import { CallRouter, SimulatedClock } from '../src/index.js';

const clock = new SimulatedClock();
const router = new CallRouter({ clock });
router.addQueue({ id: 'support', wrapUpMs: 10_000 });
router.addAgent({ id: 'ana', queues: ['support'], skills: { spanish: 4 }, state: 'available' });
router.addAgent({ id: 'bob', queues: ['support'], state: 'available' });

router.on('call:offered', ({ callId, agentId }) => console.log(`offer ${callId} to ${agentId}`));
router.on('agent:state-changed', ({ agentId, from, to }) => console.log(`${agentId}: ${from} -> ${to}`));

router.enqueue({ id: 'c-1', queue: 'support', requirements: { spanish: 3 } });
router.answer('c-1');
clock.advance(120_000);
router.complete('c-1', { resolved: true });
clock.advance(10_000);

/* Output of `npm run example:first-call`:
 * offer c-1 to ana
 * ana: available -> offered
 * ana: offered -> busy
 * ana: busy -> wrap-up
 * ana: wrap-up -> available
*/
