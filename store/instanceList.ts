// The case list: one page of instance summaries, newest first, with the total, from the collections its status lives
// in (running and incident: `instances`; closed: `instanceHistory`; no status: both, merged by the list's order); each
// by SQL on FerretDB/PostgreSQL (store/pgReads.ts), else through the driver.
import { Instance, InstanceHistory } from './models';
import { instanceCollectionsFor, type InstanceRow } from './instances';
import { sqlCount, sqlPage } from './pgReads';
import { mergePage } from './taskKeys';

/** The case list's order: newest first, the id breaking ties (so pages never overlap). */
export const INSTANCE_LIST_SORT = { startedAt: -1, _id: 1 } as const;

const COLLECTIONS = { hot: { name: 'instances', model: Instance }, history: { name: 'instanceHistory', model: InstanceHistory } } as const;

/** One collection's page and total: by SQL when it translates, else through the driver (FerretDB or MongoDB). */
async function pageOf(where: keyof typeof COLLECTIONS, filter: Record<string, unknown>, skip: number, limit: number): Promise<{ rows: InstanceRow[]; total: number }> {
  const { name, model } = COLLECTIONS[where];
  const [sqlRows, sqlTotal] = await Promise.all([sqlPage<InstanceRow>(name, filter, INSTANCE_LIST_SORT, skip, limit), sqlCount(name, filter)]);
  if (sqlRows && sqlTotal !== null) return { rows: sqlRows, total: sqlTotal };
  const [rows, total] = await Promise.all([(model as typeof Instance).find(filter).sort(INSTANCE_LIST_SORT).skip(skip).limit(limit).lean(), (model as typeof Instance).countDocuments(filter)]);
  return { rows: rows as InstanceRow[], total };
}

/**
 * One page of instance summaries matching `filter` (newest first) and how many match. Without a status both
 * collections are read up to the page's end and merged; a case in both (a move half done) counts once, as the history's.
 */
export async function listInstances(filter: Record<string, unknown>, skip: number, limit: number): Promise<{ rows: InstanceRow[]; total: number }> {
  const where = instanceCollectionsFor(typeof filter.status === 'string' ? filter.status : undefined);
  if (where !== 'both') return pageOf(where, filter, skip, limit);
  const [hot, closed] = await Promise.all([pageOf('hot', filter, 0, skip + limit), pageOf('history', filter, 0, skip + limit)]);
  const inBoth = hot.rows.filter((r) => closed.rows.some((c) => c._id === r._id)).length;
  return { rows: mergePage(hot.rows, closed.rows, INSTANCE_LIST_SORT, skip, limit), total: hot.total + closed.total - inBoth };
}
