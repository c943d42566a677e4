// "Now" for the API, read in one place so tests can pin it: a complaint received on a Saturday at
// 17:31, a board read at 23:59:30 Shanghai time. Workflows read time through the Temporal SDK only.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at the given instant until it is set to another. */
export function pinnedClock(at: string | Date): Clock & { set(at: string | Date): void } {
  let instant = new Date(at);
  return {
    now: () => new Date(instant),
    set(next) {
      instant = new Date(next);
    },
  };
}
