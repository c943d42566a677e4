// Business error codes: the `type` of ApplicationFailures thrown by workflows and the `type`
// suffix of problem+json answers. One enum, used on both sides.
export enum ErrorCode {
  IllegalTransition = 'illegal-transition',
  NotFound = 'not-found',
  Validation = 'validation',
  Forbidden = 'forbidden',
  Unauthorized = 'unauthorized',
  Conflict = 'conflict',
  Locked = 'locked',
  TooManyRequests = 'too-many-requests',
  PayloadTooLarge = 'payload-too-large',
  IdempotencyKeyReused = 'idempotency-key-reused',
  MethodNotAllowed = 'method-not-allowed',
  /** Anything unexpected: the API answers 500 and logs it. */
  Internal = 'internal',
}

/** Details carried by an illegal-transition failure so the API can answer 409 helpfully. */
export interface IllegalTransitionDetails {
  state: string;
  event: string;
  allowed: string[];
  /** The guards (rules) that refused an event the state does take; absent when it takes no such event. */
  rules?: string[];
}
