// People as pages name them: display names for usernames (GET /api/people), and the modeler's search for assignees
// and candidate users (GET /api/people/search).
import { z } from 'zod';
import { type AnyRoute, route } from '../http/route';
import { displayNameList } from '../../contracts/api/users';
import { DESIGNERS, EVERY_ROLE } from '../../contracts/roles';
import { displayNames, MAX_FOUND_PEOPLE, searchPeople } from '../services/people';

/** At most this many names per request (a page names a handful). */
const MAX_NAMES = 100;

/** The people routes. */
export function peopleRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/people',
      summary: 'Display names of the given usernames (comma-separated, at most 100), for users who share a street with the caller; others are left out',
      tag: 'users',
      access: EVERY_ROLE,
      query: z.object({
        usernames: z
          .string()
          .max(6000)
          .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
          .pipe(z.array(z.string().max(200)).max(MAX_NAMES, `at most ${MAX_NAMES} usernames`)),
      }),
      responses: { 200: { description: 'the display names found', schema: displayNameList } },
      handler: async ({ query, user }) => ({ items: await displayNames(user, query.usernames) }),
    }),
    route({
      method: 'get',
      path: '/people/search',
      summary: `People who may work on tasks whose display name or username contains the text (at most ${MAX_FOUND_PEOPLE}, by username), among those who share a street with the caller: the modeler's assignee and candidate-user pickers`,
      tag: 'users',
      access: DESIGNERS,
      query: z.object({ text: z.string().trim().max(100).default('') }),
      responses: { 200: { description: 'the people found', schema: displayNameList } },
      handler: async ({ query, user }) => ({ items: await searchPeople(user, query.text) }),
    }),
  ];
}
