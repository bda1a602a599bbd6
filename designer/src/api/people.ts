// Request builder and response type for people's display names.
import type { z } from 'zod';
import type { displayNameList } from '../../../contracts/api/users';
import type { RequestBuilder } from './request';

/** Body of `GET /api/people`: the display names found. */
export type DisplayNameList = z.output<typeof displayNameList>;

/** The display names of `usernames` (those who share a street with the caller). */
export function getDisplayNames(usernames: readonly string[]): RequestBuilder {
  return { method: 'GET', url: `/api/people?usernames=${encodeURIComponent(usernames.join(','))}` };
}
