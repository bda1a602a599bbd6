// Request builders and response type for people's display names and the modeler's search for people.
import type { z } from 'zod';
import type { displayNameList } from '../../../contracts/api/users';
import type { RequestBuilder } from './request';

/** Body of `GET /api/people`: the display names found. */
export type DisplayNameList = z.output<typeof displayNameList>;

/** The display names of `usernames` (those who share a street with the caller). */
export function getDisplayNames(usernames: readonly string[]): RequestBuilder {
  return { method: 'GET', url: `/api/people?usernames=${encodeURIComponent(usernames.join(','))}` };
}

/** People who may work on tasks whose display name or username contains `text` (designers: the modeler's pickers). */
export function searchPeople(text: string): RequestBuilder {
  return { method: 'GET', url: `/api/people/search?text=${encodeURIComponent(text)}` };
}
