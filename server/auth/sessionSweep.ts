// Removes expired sessions (FerretDB v1 has no TTL indexes) with acknowledged deletes. connect-mongo's own interval
// sweep sends `w: 0` deletes, which FerretDB answers anyway — an answer that would be read as the next command's reply.
import mongoose from 'mongoose';

/** The collection express-session keeps its sessions in. */
export const SESSIONS_COLLECTION = 'sessions';

/** Deletes the sessions whose expiry has passed; returns how many. Does nothing while the database is not connected. */
export async function sweepExpiredSessions(now = new Date()): Promise<number> {
  if (mongoose.connection.readyState !== 1) return 0;
  const result = await mongoose.connection.collection(SESSIONS_COLLECTION).deleteMany({ expires: { $lt: now } });
  return result.deletedCount;
}

/** Runs the sweep every `intervalMs` (not keeping the process alive); returns a function that stops it. */
export function startSessionSweep(intervalMs: number, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => void sweepExpiredSessions().catch(onError), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
