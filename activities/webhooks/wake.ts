// Wakes this process's webhook dispatchers when deliveries were queued, so a delivery does not wait for the next poll.
type Listener = () => void;
const listeners = new Set<Listener>();

/** Asks every running dispatcher of this process for a pass. */
export function requestDispatch(): void {
  for (const listener of listeners) listener();
}

/** Registers a dispatcher's wake-up; answers the function that removes it. */
export function onDispatchRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
