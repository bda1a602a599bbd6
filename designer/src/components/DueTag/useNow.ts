// The current time as state, ticking every `intervalMs`, so time-left labels stay right without a reload.
import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed every `intervalMs` (30 s by default). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
