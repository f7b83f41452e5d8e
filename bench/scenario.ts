/**
 * Seeded generator of the routing benchmark scenarios of `docs/performance.md`: center-1k and
 * the scaled shapes (100 / 1,000 / 10,000 agents × 1,000 / 10,000 / 100,000 waiting calls).
 * The same seed always gives the same queues, agents and call stream, so every run is the same
 * work.
 *
 * Modelling choices (how a real center looks, and what keeps the measurement honest):
 *
 * - **Queues.** 20 queues; every fifth has weight 2 (a "VIP" line), the rest weight 1. Offer
 *   timeout 15 s (the router's default) and wrap-up 0, so a freed agent is offered a call at once. Traffic
 *   shares differ per queue (uniform 0.5–2.5, normalised).
 * - **Agents come from team templates** (50 by default). A template is a profile: 2–4 queues at
 *   tier levels 1–3 (its primary queue at tier 1), 2–5 of the 10 skills at proficiency 1–5.
 *   Every agent of a team has exactly its template's profile, as in a real center where a
 *   team is trained and configured together. Team sizes differ (weights 0.5–2.5). The first
 *   `min(templates, agents)` agents take one template each, so every template is staffed;
 *   the rest are drawn by team weight. Template `t` has primary queue `t mod 20`, so every
 *   queue is served.
 * - **Calls' requirements come from a per-queue menu** of 4–6 combos, as IVR choices map to
 *   skill requirements ("press 2 for Spanish" → `{ spanish: 3 }`). Combo 0 of every menu is
 *   "no requirement" (weight 3); the others (weights 0.5–2.5) each take 1–2 skills of a staffed
 *   profile that serves the queue, at a minimum level at or below that profile's proficiency.
 *   So **every call can be served by at least one staffed profile** (checked when the scenario
 *   is built; a call nobody can take would wait forever and distort the measurement), and
 *   every agent can take the "no requirement" calls of each of its queues.
 * - **Priority.** 10 % of calls have priority 1, the rest 0.
 * - **Unique profiles (stress).** `templates: 'unique'` gives every agent its own random profile
 *   (same distribution as the templates): a pool per agent, the worst case for pool-based
 *   matching. Menus are then derived from those individual profiles.
 *
 * Ids are `q00`… (queues), `a0`… (agents), `c0`… (calls). Requirement objects are shared per
 * menu combo and frozen, like a constant IVR table would be.
 */
import type { AgentOptions, CallInput, QueueOptions, SkillLevels } from '../src/index.js';
import { SeededRandom } from '../src/index.js';

/** The ten skills of the generated centers. */
export const SKILL_NAMES: readonly string[] = [
  'english',
  'spanish',
  'french',
  'billing',
  'tech',
  'sales',
  'retention',
  'mobile',
  'broadband',
  'business',
];

/** What to generate. */
export interface ScenarioSpec {
  /** Row label in the benchmark table. */
  readonly name: string;
  readonly agentCount: number;
  /** Calls waiting in the steady state (all agents busy). */
  readonly waitingCount: number;
  /** Number of team templates, or `'unique'` for one random profile per agent. @default 50 */
  readonly templates?: number | 'unique';
  /** @default 20 */
  readonly queueCount?: number;
  /** @default 20260101 */
  readonly seed?: number;
  /** Every queue's `offerTimeoutMs`. @default 15000 (the router's default) */
  readonly offerTimeoutMs?: number;
}

/** An agent profile: queue id → tier level, and skill → proficiency. */
export interface AgentProfile {
  readonly queues: Readonly<Record<string, number>>;
  readonly skills: Readonly<Record<string, number>>;
}

/** One IVR choice of a queue: the requirements its calls carry, and how often it is chosen. */
export interface MenuCombo {
  /** Frozen, shared by every call of the combo; empty for "no requirement". */
  readonly requirements: SkillLevels;
  readonly weight: number;
}

/** A generated center. */
export interface CenterScenario {
  readonly spec: Required<ScenarioSpec>;
  readonly queues: readonly QueueOptions[];
  readonly agents: readonly AgentOptions[];
  /** The staffed profiles (templates with at least one agent, or one per agent). */
  readonly profiles: readonly AgentProfile[];
  /** Number of distinct (queues, tiers, skills) profiles among the agents. */
  readonly distinctProfileCount: number;
  /** Requirement menu per queue, in queue order. */
  readonly menus: ReadonlyArray<readonly MenuCombo[]>;
  /** A fresh call stream; every stream of the scenario yields the same calls. */
  callStream(): CallStream;
  /** A fresh generator of the draws that pick which talking call ends next; every one yields the same numbers. */
  completionRandom(): SeededRandom;
}

const DEFAULTS = { templates: 50, queueCount: 20, seed: 20260101, offerTimeoutMs: 15_000 } as const;

/** Picks an index with probability proportional to its weight, given the running total. */
function pickWeighted(rng: SeededRandom, cumulative: Float64Array): number {
  const total = cumulative[cumulative.length - 1] as number;
  const x = rng.next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** `count` distinct integers from [0, n), in draw order. */
function distinct(rng: SeededRandom, n: number, count: number, first?: number): number[] {
  const out: number[] = first === undefined ? [] : [first];
  while (out.length < count) {
    const x = rng.nextInt(n);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

const queueId = (index: number): string => `q${String(index).padStart(2, '0')}`;

function randomProfile(rng: SeededRandom, queueCount: number, primaryQueue: number): AgentProfile {
  const queues: Record<string, number> = {};
  const queueIndexes = distinct(rng, queueCount, 2 + rng.nextInt(3), primaryQueue);
  queueIndexes.forEach((q, i) => {
    queues[queueId(q)] = i === 0 ? 1 : 1 + rng.nextInt(3);
  });
  const skills: Record<string, number> = {};
  for (const s of distinct(rng, SKILL_NAMES.length, 2 + rng.nextInt(4))) {
    skills[SKILL_NAMES[s] as string] = 1 + rng.nextInt(5);
  }
  return { queues, skills };
}

function profileKey(profile: AgentProfile): string {
  const part = (record: Readonly<Record<string, number>>): string =>
    Object.keys(record)
      .sort()
      .map((k) => `${k}=${record[k]}`)
      .join(',');
  return `${part(profile.queues)}|${part(profile.skills)}`;
}

/** Whether an agent with `profile` may take a call of `queue` with `requirements`. */
export function canServe(profile: AgentProfile, queue: string, requirements: SkillLevels): boolean {
  if (profile.queues[queue] === undefined) return false;
  for (const skill of Object.keys(requirements)) {
    const have = profile.skills[skill];
    if (have === undefined || have < (requirements[skill] as number)) return false;
  }
  return true;
}

/**
 * The calls of a scenario, in arrival order: queue by traffic share, requirements by the queue's
 * menu, 10 % at priority 1. Ids are `c0`, `c1`, … in stream order.
 */
export class CallStream {
  readonly #rng: SeededRandom;
  readonly #queueIds: readonly string[];
  readonly #queueShares: Float64Array;
  readonly #menus: ReadonlyArray<readonly MenuCombo[]>;
  readonly #menuShares: readonly Float64Array[];
  #nextId = 0;

  /** @param seed - seed of the stream; the same seed gives the same calls. */
  constructor(seed: number, queueIds: readonly string[], queueShares: readonly number[], menus: ReadonlyArray<readonly MenuCombo[]>) {
    this.#rng = new SeededRandom(seed);
    this.#queueIds = queueIds;
    this.#queueShares = cumulate(queueShares);
    this.#menus = menus;
    this.#menuShares = menus.map((menu) => cumulate(menu.map((combo) => combo.weight)));
  }

  /** Number of calls generated so far. */
  get generated(): number {
    return this.#nextId;
  }

  /** The next call. */
  next(): CallInput {
    const rng = this.#rng;
    const q = pickWeighted(rng, this.#queueShares);
    const menu = this.#menus[q] as readonly MenuCombo[];
    const combo = menu[pickWeighted(rng, this.#menuShares[q] as Float64Array)] as MenuCombo;
    const priority = rng.next() < 0.1 ? 1 : 0;
    const id = `c${this.#nextId++}`;
    const queue = this.#queueIds[q] as string;
    const hasRequirements = Object.keys(combo.requirements).length > 0;
    if (priority === 0) return hasRequirements ? { id, queue, requirements: combo.requirements } : { id, queue };
    return hasRequirements ? { id, queue, priority, requirements: combo.requirements } : { id, queue, priority };
  }

  /** The next `count` calls, generated now (before any timing starts). */
  take(count: number): CallInput[] {
    const out = new Array<CallInput>(count);
    for (let i = 0; i < count; i++) out[i] = this.next();
    return out;
  }
}

/**
 * Builds a center from a spec. Deterministic: the same spec (with its seed) gives the same center.
 *
 * @example
 * const center = generateCenter({ name: 'center-1k', agentCount: 1_000, waitingCount: 10_000 });
 * const calls = center.callStream().take(20_000);
 */
export function generateCenter(spec: ScenarioSpec): CenterScenario {
  const full: Required<ScenarioSpec> = { ...DEFAULTS, ...spec };
  const { agentCount, queueCount, seed, templates } = full;
  if (!Number.isInteger(agentCount) || agentCount < 1) {
    throw new RangeError(`Expected \`agentCount\` to be an integer >= 1, got \`${agentCount}\``);
  }
  if (!Number.isInteger(queueCount) || queueCount < 1) {
    throw new RangeError(`Expected \`queueCount\` to be an integer >= 1, got \`${queueCount}\``);
  }
  const rng = new SeededRandom(seed);

  const queueIds = Array.from({ length: queueCount }, (_, i) => queueId(i));
  const queues: QueueOptions[] = queueIds.map((id, i) => ({ id, weight: i % 5 === 0 ? 2 : 1, offerTimeoutMs: full.offerTimeoutMs }));
  const queueShares = queueIds.map(() => 0.5 + 2 * rng.next());

  // Profiles and which agent has which.
  const profiles: AgentProfile[] = [];
  const agentProfile = new Int32Array(agentCount);
  if (templates === 'unique') {
    for (let a = 0; a < agentCount; a++) {
      profiles.push(randomProfile(rng, queueCount, rng.nextInt(queueCount)));
      agentProfile[a] = a;
    }
  } else {
    const staffed = Math.min(templates, agentCount);
    for (let t = 0; t < staffed; t++) profiles.push(randomProfile(rng, queueCount, t % queueCount));
    const teamShares = cumulate(profiles.map(() => 0.5 + 2 * rng.next()));
    for (let a = 0; a < agentCount; a++) agentProfile[a] = a < staffed ? a : pickWeighted(rng, teamShares);
  }
  const agents: AgentOptions[] = Array.from(agentProfile, (p, a) => {
    const profile = profiles[p] as AgentProfile;
    return { id: `a${a}`, queues: profile.queues, skills: profile.skills, state: 'available' as const };
  });

  // Per-queue requirement menus, derived from staffed profiles that serve the queue.
  const menus: MenuCombo[][] = queueIds.map((q) => {
    const servers = profiles.filter((p) => p.queues[q] !== undefined);
    if (servers.length === 0) throw new Error(`scenario ${full.name}: no profile serves queue ${q}`);
    const menu: MenuCombo[] = [{ requirements: Object.freeze({}), weight: 3 }];
    const seen = new Set<string>(['']);
    const size = 4 + rng.nextInt(3);
    for (let attempt = 0; menu.length < size && attempt < 200; attempt++) {
      const server = servers[rng.nextInt(servers.length)] as AgentProfile;
      const owned = Object.keys(server.skills);
      const picked = distinct(rng, owned.length, Math.min(owned.length, 1 + rng.nextInt(2)));
      const requirements: Record<string, number> = {};
      for (const i of picked.sort((x, y) => x - y)) {
        const skill = owned[i] as string;
        requirements[skill] = 1 + rng.nextInt(server.skills[skill] as number);
      }
      const key = profileKey({ queues: {}, skills: requirements });
      if (seen.has(key)) continue;
      seen.add(key);
      menu.push({ requirements: Object.freeze(requirements), weight: 0.5 + 2 * rng.next() });
    }
    for (const combo of menu) {
      if (!servers.some((p) => canServe(p, q, combo.requirements))) {
        throw new Error(`scenario ${full.name}: no staffed profile can serve ${q} ${JSON.stringify(combo.requirements)}`);
      }
    }
    return menu;
  });

  const distinctProfileCount = new Set(Array.from(agentProfile, (p) => profileKey(profiles[p] as AgentProfile))).size;
  const callSeed = (seed ^ 0x5bd1e995) >>> 0;
  const drawSeed = (seed ^ 0x27d4eb2f) >>> 0;
  return {
    spec: full,
    queues,
    agents,
    profiles,
    distinctProfileCount,
    menus,
    callStream: () => new CallStream(callSeed, queueIds, queueShares, menus),
    completionRandom: () => new SeededRandom(drawSeed),
  };
}

/** center-1k of `docs/performance.md`: 1,000 agents, 20 queues, 10 skills, 10,000 calls waiting. */
export const CENTER_1K: ScenarioSpec = { name: 'center-1k', agentCount: 1_000, waitingCount: 10_000 };

/** The scaled shapes: every combination of 100 / 1,000 / 10,000 agents and 1,000 / 10,000 / 100,000 waiting. */
export const SCALED_SPECS: readonly ScenarioSpec[] = [100, 1_000, 10_000].flatMap((agentCount) =>
  [1_000, 10_000, 100_000].map((waitingCount) => ({
    name: `scaled A${agentCount / 1000 >= 1 ? `${agentCount / 1000}k` : agentCount} W${waitingCount / 1000}k`,
    agentCount,
    waitingCount,
  })),
);

/** Diagnostic: center-1k with offers that never time out (no offer-timeout deadline per offer). */
export const CENTER_1K_NO_OFFER_TIMEOUT: ScenarioSpec = {
  ...CENTER_1K,
  name: 'center-1k, offerTimeoutMs ∞',
  offerTimeoutMs: Infinity,
};

/**
 * center-1k with escalation plans and hold-time limits on every queue: the same seed, so the same
 * queues, agents and calls as {@link CENTER_1K}; the policies themselves (and the slower clock
 * that lets calls wait long enough for them) are in `escalation.bench.ts`.
 */
export const CENTER_1K_POLICIES: ScenarioSpec = { ...CENTER_1K, name: 'center-1k with escalation and hold limits' };

/** The stress variant: center-1k with every agent its own random profile (1,000 pools). */
export const UNIQUE_PROFILES_1K: ScenarioSpec = {
  name: 'unique-profiles 1k',
  agentCount: 1_000,
  waitingCount: 10_000,
  templates: 'unique',
};
