/** @jest-environment jsdom */
// The 任务类型 page against a fake API: the built-in type with its zh-CN title, an external type with its task queue,
// the process using it and the workers serving it, and a type no worker serves.
import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { JobTypeInfo } from '../../../../designer/src/api/jobTypes';
import { JobTypesPage } from '../../../../designer/src/pages/JobTypes';
import { demoUser, installFakeApi, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

const NOTIFY: JobTypeInfo = {
  type: 'sparrow.notify',
  builtin: true,
  title: { 'zh-CN': '发送通知', en: 'Send notification' },
  description: { 'zh-CN': '向部门、岗位或人员发送通知', en: 'Notify departments, groups or users' },
  taskQueue: null,
  usedBy: [],
  workers: [{ kind: 'temporal', name: 'worker@host', username: null, lastSeenAt: '2026-12-04T08:00:00.000Z' }],
  lastSeen: { kind: 'temporal', name: 'worker@host', username: null, lastSeenAt: '2026-12-04T08:00:00.000Z' },
  waitingJobs: 0,
};

const ARCHIVE: JobTypeInfo = {
  type: 'archive.sync',
  builtin: false,
  title: null,
  description: null,
  taskQueue: 'jobs.archive.sync',
  usedBy: [{ definitionKey: 'street-whistle', processName: '街道吹哨', version: 3, elements: [{ id: 'Sync', name: '同步档案' }] }],
  workers: [{ kind: 'rest', name: 'archive-worker', username: 'bajiao-job-worker', lastSeenAt: '2026-12-04T09:00:00.000Z' }],
  lastSeen: { kind: 'rest', name: 'archive-worker', username: 'bajiao-job-worker', lastSeenAt: '2026-12-04T09:00:00.000Z' },
  waitingJobs: 2,
};

const ORPHAN: JobTypeInfo = { ...ARCHIVE, type: 'gis.lookup', taskQueue: 'jobs.gis.lookup', workers: [], lastSeen: null, waitingJobs: 0 };

const rowOf = (type: string) => screen.getByText(type).closest('tr') as HTMLElement;

describe('JobTypesPage', () => {
  afterEach(() => restoreFetch());

  it('should list each type with its description, processes and who serves it', async () => {
    // given the registry with a built-in, a served and an unserved external type
    installFakeApi({ 'GET /api/me': { body: demoUser('process-owner') }, 'GET /api/job-types': { body: { items: [NOTIFY, ARCHIVE, ORPHAN] } } });

    // when the page shows
    renderWithProviders(<JobTypesPage />);

    // then the built-in type shows its zh-CN title and Sparrow's worker
    await screen.findByText('sparrow.notify');
    expect(within(rowOf('sparrow.notify')).getByText('发送通知')).toBeTruthy();
    expect(within(rowOf('sparrow.notify')).getByText('内置')).toBeTruthy();
    // the external type its queue, the process and task using it, the REST worker and jobs waiting
    const archive = rowOf('archive.sync');
    expect(within(archive).getByText('外部')).toBeTruthy();
    expect(within(archive).getByText('任务队列：jobs.archive.sync')).toBeTruthy();
    expect(within(archive).getByText('街道吹哨（同步档案）')).toBeTruthy();
    expect(within(archive).getAllByText('REST 作业程序 archive-worker').length).toBeGreaterThan(0);
    expect(within(archive).getByText('2')).toBeTruthy();
    // and a type nobody serves says so
    expect(within(rowOf('gis.lookup')).getByText('当前无执行方')).toBeTruthy();
    expect(within(rowOf('gis.lookup')).getByText('尚未出现')).toBeTruthy();
  });

  it('should say why when the registry cannot be read', async () => {
    // given a server that refuses
    installFakeApi({ 'GET /api/me': { body: demoUser('process-owner') }, 'GET /api/job-types': problem(403, 'forbidden') });

    // when the page shows
    renderWithProviders(<JobTypesPage />);

    // then it says the job types could not be loaded
    expect(await screen.findByText('无法加载任务类型')).toBeTruthy();
  });
});
