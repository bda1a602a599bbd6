// A case's statutory clocks (法定时限, issue 14): suspend (中止), resume (恢复) and extend (延期) one.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { clocksView, extendClockBody, resumeClockBody, suspendClockBody } from '../../contracts/api/instances';
import { CLOCK_CONTROLLERS } from '../../contracts/roles';
import { type AnyRoute, route } from '../http/route';
import { changeCaseClock } from '../services/clocks';

const clockParams = z.object({ id: z.string().min(1).max(500), name: z.string().min(1).max(200) });

/** Who may call them and what they answer besides the common problems (checked per clock: see changeCaseClock). */
const WHO = 'street commanders, admins, and users whose roles or groups the clock\'s approvers name (403 clock-approver-required)';

/** The clock routes. */
export function clockRoutes(client: Client): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/instances/:id/clocks/:name/suspend',
      summary: `Suspends a running statutory clock on a legal ground: its deadline and the timers and due dates reading it wait until it resumes; ${WHO}`,
      tag: 'instances',
      access: CLOCK_CONTROLLERS,
      params: clockParams,
      body: suspendClockBody,
      responses: { 200: { description: "the case's clocks after the change", schema: clocksView } },
      problems: [404, 409],
      handler: ({ params, body, user }) => changeCaseClock(client, user, params.id, params.name, { action: 'suspend', ground: body.ground, reason: body.reason }),
    }),
    route({
      method: 'post',
      path: '/instances/:id/clocks/:name/resume',
      summary: `Resumes a suspended statutory clock: the suspended days do not count; ${WHO}`,
      tag: 'instances',
      access: CLOCK_CONTROLLERS,
      params: clockParams,
      body: resumeClockBody,
      responses: { 200: { description: "the case's clocks after the change", schema: clocksView } },
      problems: [404, 409],
      handler: ({ params, body, user }) => changeCaseClock(client, user, params.id, params.name, { action: 'resume', reason: body.reason }),
    }),
    route({
      method: 'post',
      path: '/instances/:id/clocks/:name/extend',
      summary: `Extends a started statutory clock by days of its unit (calendar or working days); the deadlines reading it move; ${WHO}`,
      tag: 'instances',
      access: CLOCK_CONTROLLERS,
      params: clockParams,
      body: extendClockBody,
      responses: { 200: { description: "the case's clocks after the change", schema: clocksView } },
      problems: [404, 409],
      handler: ({ params, body, user }) => changeCaseClock(client, user, params.id, params.name, { action: 'extend', days: body.days, reason: body.reason }),
    }),
  ];
}
