// The MongoDB connection (FerretDB or MongoDB) through mongoose, and a reachability check.
import mongoose from 'mongoose';
import './models';
import { checkedConnectionOptions } from './mongoReplyGuard';
import { ensurePostgresIndexes } from './pgIndexes';

/**
 * Connects mongoose to `uri` (every connection reply-checked, see mongoReplyGuard) and makes sure the declared indexes
 * exist; with SPARROW_POSTGRESQL_URL (FerretDB on PostgreSQL: the database FerretDB stores in) also the PostgreSQL-side
 * GIN indexes its pushed-down filters use (pgIndexes.ts).
 */
export async function connectMongo(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // Bounded waits: a database that does not answer (stopped, frozen, unreachable) fails a request within ~15 s (a 503), never hangs it.
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000, connectTimeoutMS: 5_000, socketTimeoutMS: 15_000, ...checkedConnectionOptions });
  await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  if (process.env.SPARROW_POSTGRESQL_URL) await ensurePostgresIndexes(process.env.SPARROW_POSTGRESQL_URL, mongoose.connection.name);
  return mongoose;
}

/** Whether the database answers a ping within a short time. */
export async function mongoReachable(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  try {
    await Promise.race([db.admin().ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return true;
  } catch {
    return false;
  }
}
