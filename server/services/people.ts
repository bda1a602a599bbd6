// Display names for the people a page names (who started a case, who holds or completed a task), so no page shows a
// bare username: only of users who share a street with the caller (district-wide users share every street).
import { districtWide, type Principal } from '../auth/principal';
import { TASK_WORKERS } from '../../contracts/roles';
import { ALL_STREETS, User } from '../../store/models';
import { escapeRegex } from './definitions';

/** At most this many people answer a search (the modeler's picker shows a short list while one types). */
export const MAX_FOUND_PEOPLE = 20;

/** The display names of `usernames` the caller may see, in the order asked; unknown or out-of-scope names are left out. */
export async function displayNames(user: Principal, usernames: readonly string[]): Promise<Array<{ username: string; displayName: string }>> {
  const unique = [...new Set(usernames)];
  if (unique.length === 0) return [];
  const rows = await User.find({ _id: { $in: unique } }).select({ displayName: 1, streets: 1 }).lean();
  const shares = (streets: readonly string[]) => districtWide(user) || streets.includes(ALL_STREETS) || streets.some((street) => user.streets.includes(street));
  const byName = new Map(rows.filter((row) => row._id === user.username || shares(row.streets ?? [])).map((row) => [row._id, row.displayName]));
  return unique.flatMap((username) => (byName.has(username) ? [{ username, displayName: byName.get(username) as string }] : []));
}

/**
 * People who may work on tasks (enabled, a task-worker role) whose display name or username contains `text`
 * (case-insensitive; empty: the first ones), among those who share a street with the caller, by username.
 */
export async function searchPeople(user: Principal, text: string): Promise<Array<{ username: string; displayName: string }>> {
  const parts: Array<Record<string, unknown>> = [{ disabled: { $ne: true } }, { roles: { $in: [...TASK_WORKERS] } }];
  if (!districtWide(user)) parts.push({ streets: { $in: [...user.streets, ALL_STREETS] } });
  if (text) {
    const pattern = { $regex: escapeRegex(text), $options: 'i' };
    parts.push({ $or: [{ displayName: pattern }, { _id: pattern }] });
  }
  const rows = await User.find({ $and: parts }).select({ displayName: 1 }).sort({ _id: 1 }).limit(MAX_FOUND_PEOPLE).lean();
  return rows.map((row) => ({ username: row._id, displayName: row.displayName }));
}
