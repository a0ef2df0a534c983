// Requests take turns: at most one starts in each turn of the event loop, in the order they came.
// On SQLite a request's reads are synchronous, so every request in flight ran to its end inside one
// turn, and a turn holding twenty searches lasted as long as all twenty. Until it ended the process
// took in nothing new: neither the next requests nor the connections the cluster's primary hands
// over, one a turn, each waiting for the last to be acknowledged. Under load a new connection then
// waited one long turn per connection ahead of it: seconds, and searches past a client's timeout.
// One start a turn keeps each turn to about one request, so those are taken in between requests.
// On PostgreSQL a request waits on the database and the turn ends at once: nothing changes there.

export function takingTurns<A extends unknown[], R>(handle: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  const waiting: (() => void)[] = [];
  let pumping = false;
  // an immediate set during the check phase runs in the next turn, after that turn's poll for I/O
  const pump = () => {
    waiting.shift()?.();
    if (waiting.length) setImmediate(pump);
    else pumping = false;
  };
  return async (...args: A) => {
    await new Promise<void>((start) => {
      waiting.push(start);
      if (!pumping) {
        pumping = true;
        setImmediate(pump);
      }
    });
    return handle(...args);
  };
}
