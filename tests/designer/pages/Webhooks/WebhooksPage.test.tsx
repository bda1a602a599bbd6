/** @jest-environment jsdom */
// The 事件推送 page against a fake API: webhooks with their events and streets in words and no secret, the deliveries
// with their status in words and a failed one sent again, registration of a new webhook, and a refused destination.
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Webhook, WebhookDelivery } from '../../../../designer/src/api/webhooks';
import { WebhooksPage } from '../../../../designer/src/pages/Webhooks';
import { demoUser, installFakeApi, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

const HOOK: Webhook = {
  id: 'wh_1',
  name: '区网格平台',
  url: 'https://grid.example.org/sparrow',
  events: ['case.started', 'deadline.past'],
  streets: ['bajiao'],
  active: true,
  secretSet: true,
  secretUpdatedAt: '2026-12-04T08:00:00.000Z',
  createdBy: 'bajiao-admin',
  createdAt: '2026-12-04T08:00:00.000Z',
  updatedAt: '2026-12-04T08:00:00.000Z',
};

const delivery = (overrides: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: 'wh_1:street-whistle:C-1/1',
  webhookId: 'wh_1',
  eventId: 'street-whistle:C-1/1',
  event: 'case.started',
  instanceId: 'street-whistle:C-1',
  status: 'delivered',
  attempts: 1,
  maxAttempts: 10,
  nextAttemptAt: null,
  lastAttemptAt: '2026-12-04T09:00:00.000Z',
  lastStatusCode: 200,
  lastError: null,
  responseExcerpt: null,
  occurredAt: '2026-12-04T09:00:00.000Z',
  createdAt: '2026-12-04T09:00:00.000Z',
  deliveredAt: '2026-12-04T09:00:01.000Z',
  ...overrides,
});

const STREETS = { body: { items: [{ id: 'bajiao', name: '八角街道', kind: 'street', parentId: 'shijingshan' }] } };

describe('WebhooksPage', () => {
  afterEach(() => restoreFetch());

  it('should list webhooks in words, show deliveries by status, and send a failed one again', async () => {
    // given a webhook with a delivered, a retrying and a failed delivery
    const api = installFakeApi({
      'GET /api/me': { body: demoUser('admin') },
      'GET /api/org-units': STREETS,
      'GET /api/admin/webhooks': { body: { items: [HOOK] } },
      'GET /api/admin/webhooks/wh_1/deliveries': {
        body: {
          items: [
            delivery({}),
            delivery({ id: 'wh_1:b', event: 'deadline.past', status: 'pending', attempts: 2, lastStatusCode: 503, nextAttemptAt: '2026-12-04T09:10:00.000Z', deliveredAt: null }),
            delivery({ id: 'wh_1:c', status: 'failed', attempts: 10, lastStatusCode: null, lastError: 'no answer within 10000 ms', deliveredAt: null }),
          ],
          page: 1,
          size: 20,
          total: 3,
        },
      },
      'POST /api/admin/webhooks/wh_1/deliveries/wh_1%3Ac/retry': { body: delivery({ id: 'wh_1:c', status: 'pending', attempts: 0, deliveredAt: null }) },
    });

    // when the page shows
    renderWithProviders(<WebhooksPage />);

    // then the webhook's events, street and secret state read as words
    const row = (await screen.findByText('区网格平台')).closest('tr') as HTMLElement;
    expect(within(row).getByText('案件发起')).toBeTruthy();
    expect(within(row).getByText('任务已超期')).toBeTruthy();
    await within(row).findByText('八角街道');
    expect(within(row).getByText(/^已设置/)).toBeTruthy();

    // when the deliveries are opened
    fireEvent.click(within(row).getByRole('button', { name: '投递记录' }));

    // then each shows its status in words, attempts, and why it failed
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('已送达');
    expect(within(drawer).getByText('等待重试')).toBeTruthy();
    expect(within(drawer).getByText('接收方返回 HTTP 503')).toBeTruthy();
    expect(within(drawer).getByText('发送失败')).toBeTruthy();
    expect(within(drawer).getByText('10 / 10 次')).toBeTruthy();

    // and the failed one can be sent again
    const failedRow = within(drawer).getByText('发送失败').closest('tr') as HTMLElement;
    fireEvent.click(within(failedRow).getByRole('button', { name: '重新发送' }));
    await waitFor(() => expect(api.callsTo('POST /api/admin/webhooks/wh_1/deliveries/wh_1%3Ac/retry')).toHaveLength(1));
  });

  it('should register a webhook for the admin\'s street, and say why a destination is refused', async () => {
    // given a street admin and a server that refuses the first address
    let posts = 0;
    const api = installFakeApi({
      'GET /api/me': { body: demoUser('admin') },
      'GET /api/org-units': STREETS,
      'GET /api/admin/webhooks': { body: { items: [] } },
      'POST /api/admin/webhooks': () => ((posts += 1) === 1 ? problem(422, 'destination-denied', { detail: '10.0.0.7, a private address' }) : { status: 201, body: HOOK }),
    });
    renderWithProviders(<WebhooksPage />);

    // when they fill in the form with an internal address and save
    fireEvent.click(await screen.findByRole('button', { name: '新增推送' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '区网格平台' } });
    fireEvent.change(within(dialog).getByLabelText('推送地址'), { target: { value: 'http://10.0.0.7/hook' } });
    fireEvent.change(within(dialog).getByLabelText('签名密钥'), { target: { value: 'a-secret-of-at-least-16' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));

    // then the refusal is explained in words, and the request named the own street and the default events
    await within(dialog).findByText(/推送地址不被允许/);
    expect(api.callsTo('POST /api/admin/webhooks')[0].body).toEqual({
      name: '区网格平台',
      url: 'http://10.0.0.7/hook',
      events: ['case.started', 'case.completed'],
      streets: ['bajiao'],
      active: true,
      secret: 'a-secret-of-at-least-16',
    });

    // when the address is corrected, the webhook is registered
    fireEvent.change(within(dialog).getByLabelText('推送地址'), { target: { value: 'https://grid.example.org/sparrow' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(api.callsTo('POST /api/admin/webhooks')).toHaveLength(2));
  });
});
