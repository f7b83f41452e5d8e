/** Stable machine-readable codes carried by every {@link AcdError}. */
export type AcdErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_QUEUE'
  | 'UNKNOWN_AGENT'
  | 'UNKNOWN_CALL'
  | 'DUPLICATE_ID'
  | 'INVALID_STATE'
  | 'INVALID_SCENARIO';

/**
 * Base class of every error acd-engine throws on purpose. A method that throws one has
 * changed nothing. Switch on `code`, which is stable across versions; messages may improve.
 */
export class AcdError extends Error {
  readonly code: AcdErrorCode;

  constructor(code: AcdErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** An argument has the wrong type, shape or range. Code `INVALID_ARGUMENT`. */
export class InvalidArgumentError extends AcdError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}

/** No queue has the given id. Code `UNKNOWN_QUEUE`. */
export class UnknownQueueError extends AcdError {
  readonly queueId: string;
  constructor(queueId: string) {
    super('UNKNOWN_QUEUE', `Unknown queue \`${queueId}\``);
    this.queueId = queueId;
  }
}

/** No agent has the given id. Code `UNKNOWN_AGENT`. */
export class UnknownAgentError extends AcdError {
  readonly agentId: string;
  constructor(agentId: string) {
    super('UNKNOWN_AGENT', `Unknown agent \`${agentId}\``);
    this.agentId = agentId;
  }
}

/** No live call has the given id (it never existed, or it completed or was abandoned). Code `UNKNOWN_CALL`. */
export class UnknownCallError extends AcdError {
  readonly callId: string;
  constructor(callId: string) {
    super('UNKNOWN_CALL', `Unknown call \`${callId}\` (never enqueued, or already completed or abandoned)`);
    this.callId = callId;
  }
}

/** A queue, agent or live call with that id already exists. Code `DUPLICATE_ID`. */
export class DuplicateIdError extends AcdError {
  readonly id: string;
  constructor(kind: 'queue' | 'agent' | 'call', id: string) {
    super('DUPLICATE_ID', `A ${kind} with id \`${id}\` already exists`);
    this.id = id;
  }
}

/** The operation is not allowed in the current state (answering a call that is not offered, …). Code `INVALID_STATE`. */
export class InvalidStateError extends AcdError {
  constructor(message: string) {
    super('INVALID_STATE', message);
  }
}

/** One problem found in a scenario: where (`queues[1].strategy`) and what. */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * A simulation scenario (object, JSON file or trace CSV) is not valid. Code `INVALID_SCENARIO`.
 * `issues` lists every problem found, each with its path in the scenario.
 */
export class ScenarioError extends AcdError {
  readonly issues: readonly ScenarioIssue[];
  constructor(issues: readonly ScenarioIssue[], source = 'scenario') {
    const lines = issues.map((issue) => `  ${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
    super('INVALID_SCENARIO', `Invalid ${source}:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}
