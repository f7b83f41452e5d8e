export { CallRouter } from './call-router.js';
export { SystemClock } from './clock/system-clock.js';
export { SimulatedClock } from './clock/simulated-clock.js';
export { SeededRandom } from './random/random.js';
export { STRATEGY_NAMES } from './routing/strategies.js';
export { silentLogger } from './model/logger.js';
export { CALL_ROUTER_EVENT_NAMES } from './model/events.js';
export { replayStats } from './stats/replay-stats.js';
export { simulate, KPI_NAMES } from './simulation/simulate.js';
export { parseScenario, loadScenario, readTrace } from './simulation/scenario.js';
export { scenarioSchema } from './simulation/scenario-schema.js';
export { compareScenarios } from './simulation/compare.js';
export { staffBySimulation } from './simulation/staffing-search.js';
export {
  DEFAULT_SERVICE_LEVEL_MS,
  MAX_QUEUE_STATES,
  erlangAMetrics,
  erlangB,
  erlangC,
  erlangCMetrics,
} from './staffing/erlang.js';
export { requiredAgents, scheduledHeadcount, staffDay } from './staffing/solvers.js';
export {
  AcdError,
  DuplicateIdError,
  InvalidArgumentError,
  InvalidStateError,
  ScenarioError,
  UnknownAgentError,
  UnknownCallError,
  UnknownQueueError,
} from './model/errors.js';

export type { CallRouterOptions, EnqueueResult, TransferResult } from './call-router.js';
export type { Clock, TimerHandle } from './clock/clock.js';
export type { AuditRecord, AuditSink } from './stats/audit-log.js';
export type { ReplayOptions, StatsReplay } from './stats/replay-stats.js';
export type {
  AgentStats,
  CenterStats,
  IntervalReport,
  QueueFigures,
  QueueStats,
  ServiceLevels,
  StatsOptions,
} from './model/stats.js';
export type { Random } from './random/random.js';
export type { Logger, LogFn } from './model/logger.js';
export type { AcdErrorCode, ScenarioIssue } from './model/errors.js';
export type { IntervalEstimates, KpiEstimates, KpiName, SimulateOptions, SimulationResult } from './simulation/simulate.js';
export type { MeasuredFigures, ReplicationResult } from './simulation/replication.js';
export type { ParseScenarioOptions } from './simulation/scenario.js';
export type { AgentGroup, ArrivalStream, Scenario, ScenarioInput, ScenarioTargets, TraceCall } from './simulation/scenario-schema.js';
export type { DistributionSpec } from './simulation/distributions.js';
export type { Estimate } from './simulation/estimates.js';
export type { CompareOptions, Comparison, ComparisonRow } from './simulation/compare.js';
export type { SimulationStaffing, SimulationStaffingOptions, StaffingStep } from './simulation/staffing-search.js';
export type { Duration } from './simulation/durations.js';
export type {
  AgentOptions,
  AgentSnapshot,
  AgentState,
  AgentUpdate,
  CallInput,
  CallOutcome,
  CallSnapshot,
  CallStatus,
  Channel,
  OfferedCallSnapshot,
  PresenceState,
  QueueMemberships,
  QueueOptions,
  QueueSnapshot,
  QueueUpdate,
  ScheduledCallbackInput,
  ScheduledCallSnapshot,
  SkillLevels,
  StrategyName,
  TalkingCallSnapshot,
  WaitingCallSnapshot,
} from './model/types.js';
export type {
  AgentAddedEvent,
  AgentRemovedEvent,
  AgentStateChangedEvent,
  AgentUpdatedEvent,
  CallAbandonedEvent,
  CallAnsweredEvent,
  CallCompletedEvent,
  CallAgentFallbackEvent,
  CallCallbackFailedEvent,
  CallCallbackScheduledEvent,
  CallEscalatedEvent,
  CallEventBase,
  CallOfferedEvent,
  CallOfferEndedEvent,
  CallOfferRevokedEvent,
  CallOverflowedEvent,
  CallQueuedEvent,
  CallRefusedEvent,
  CallReprioritizedEvent,
  CallSurveyEvent,
  CallRouterEventName,
  CallRouterEvents,
  CallTimedOutEvent,
  CallTransferredEvent,
  CallWithdrawnEvent,
  EscalationChanges,
  ListenerErrorEvent,
  OfferRevokedReason,
  QueueConfiguredEvent,
  QueueRemovedEvent,
} from './model/events.js';
export type {
  CallbackOptions,
  CallbackPolicy,
  CallKind,
  EscalationStep,
  ExitAction,
  FallbackReason,
  JoinRule,
  KnownAgentKind,
  OverflowGate,
  OverflowTarget,
  RefusalReason,
  TimeoutReason,
  TransferOptions,
  TransferTarget,
} from './model/policies.js';
export type {
  ErlangAInput,
  ErlangAMetrics,
  ErlangCInput,
  ErlangCMetrics,
  QueueInput,
  QueueMetrics,
  StaffingMetrics,
} from './staffing/erlang.js';
export type {
  DayForecast,
  DayPlan,
  DayTotals,
  IntervalPlan,
  RequiredAgentsInput,
  StaffingConstraint,
  StaffingGoal,
  StaffingModel,
  StaffingResult,
} from './staffing/solvers.js';
