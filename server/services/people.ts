// Display names for the people a page names (who started a case, who holds or completed a task), so no page shows a
// bare username: only of users who share a street with the caller (district-wide users share every street).
import { districtWide, type Principal } from '../auth/principal';
import { ALL_STREETS, User } from '../../store/models';

/** The display names of `usernames` the caller may see, in the order asked; unknown or out-of-scope names are left out. */
export async function displayNames(user: Principal, usernames: readonly string[]): Promise<Array<{ username: string; displayName: string }>> {
  const unique = [...new Set(usernames)];
  if (unique.length === 0) return [];
  const rows = await User.find({ _id: { $in: unique } }).select({ displayName: 1, streets: 1 }).lean();
  const shares = (streets: readonly string[]) => districtWide(user) || streets.includes(ALL_STREETS) || streets.some((street) => user.streets.includes(street));
  const byName = new Map(rows.filter((row) => row._id === user.username || shares(row.streets ?? [])).map((row) => [row._id, row.displayName]));
  return unique.flatMap((username) => (byName.has(username) ? [{ username, displayName: byName.get(username) as string }] : []));
}
