// How the Temporal server should run for this system, beyond its defaults: the embedded dev
// server of `npm start` takes these as flags, a cluster as its dynamic config file
// (deploy/temporal/dynamic-config.yaml, mounted by docker-compose.yml).
//
// Eager activity dispatch: when a workflow task schedules an activity on its own task queue and
// the worker that completed the task has a free activity slot, the server hands the activity back
// in the answer to the completion instead of queueing it for a poller. Every projection of an
// action is such an activity, so each action saves a round trip through the server's matching.
// The worker asks for it by default (`allowEagerDispatch`); the server offers it only when this is on.
export const SERVER_DYNAMIC_CONFIG: Readonly<Record<string, unknown>> = {
  'system.enableActivityEagerExecution': true,
};

/** `--dynamic-config-value KEY=JSON` pairs for `temporal server start-dev`. */
export function dynamicConfigFlags(): string[] {
  return Object.entries(SERVER_DYNAMIC_CONFIG).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]);
}
