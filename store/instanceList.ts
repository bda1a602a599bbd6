// The case list: one page of instance summaries, newest first, with the total; by SQL on FerretDB/PostgreSQL
// (store/pgReads.ts), else through the driver.
import { Instance } from './models';
import { sqlCount, sqlPage } from './pgReads';

/** The case list's order: newest first, the id breaking ties (so pages never overlap). */
export const INSTANCE_LIST_SORT = { startedAt: -1, _id: 1 } as const;

/** The page through the driver (FerretDB or MongoDB). */
async function driverPage(filter: Record<string, unknown>, skip: number, limit: number) {
  const [rows, total] = await Promise.all([Instance.find(filter).sort(INSTANCE_LIST_SORT).skip(skip).limit(limit).lean(), Instance.countDocuments(filter)]);
  return { rows, total };
}

/** One page of instance summaries matching `filter` (newest first) and how many match. */
export async function listInstances(filter: Record<string, unknown>, skip: number, limit: number): ReturnType<typeof driverPage> {
  type Row = Awaited<ReturnType<typeof driverPage>>['rows'][number];
  const [sqlRows, sqlTotal] = await Promise.all([sqlPage<Row>('instances', filter, INSTANCE_LIST_SORT, skip, limit), sqlCount('instances', filter)]);
  if (sqlRows && sqlTotal !== null) return { rows: sqlRows, total: sqlTotal };
  return driverPage(filter, skip, limit);
}
