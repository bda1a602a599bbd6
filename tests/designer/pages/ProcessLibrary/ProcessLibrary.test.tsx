/** @jest-environment jsdom */
// The process library against a fake API: one row per process from the server's definitions and drafts, discarding a
// draft after a confirmation, searching, and importing a file into a draft (lint findings, a change note, no deployment).
import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../../../contracts/roles';
import { ProcessLibrary } from '../../../../designer/src/pages/ProcessLibrary';
import { demoUser, type FakeApi, installFakeApi, page, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

// The templates come from Vite's import.meta.glob at build time, which jest cannot run; the library does not need them here.
jest.mock('../../../../designer/src/bpmn/processTemplates', () => ({ PROCESS_TEMPLATES: [] }));

const definitions = [
  { key: 'street-whistle', name: '街道吹哨', version: 3, sha256: 'a', deployedAt: '2026-11-20T02:00:00Z', deployedBy: 'owner' },
  { key: 'unlicensed-business', name: '无照经营查处', version: 1, sha256: 'b', deployedAt: '2026-11-21T02:00:00Z', deployedBy: 'owner' },
];
const drafts = [
  { key: 'noise-patrol', name: '噪声巡查', baseVersion: null, savedBy: 'bajiao-owner', savedAt: '2026-11-26T02:00:00Z' },
  { key: 'street-whistle', name: '街道吹哨', baseVersion: 3, savedBy: 'bajiao-owner', savedAt: '2026-11-25T02:00:00Z' },
  { key: 'unlicensed-business', name: '无照经营查处', baseVersion: 1, savedBy: 'owner', savedAt: '2026-11-20T02:00:00Z' },
];

/** The library's routes for a user of `role`; a discarded draft leaves the list. */
function routes(role: Role) {
  const left = [...drafts];
  return {
    'GET /api/me': { body: demoUser(role) },
    'GET /api/definitions': page(definitions),
    'GET /api/drafts': () => page(left),
    'DELETE /api/definitions/noise-patrol/draft': () => {
      left.splice(left.findIndex((d) => d.key === 'noise-patrol'), 1);
      return { status: 204 };
    },
  };
}

const rowOf = async (name: string) => (await screen.findByText(name)).closest('tr')!;
const discardButton = (row: HTMLElement) => within(row).queryByRole('button', { name: /删除草稿/ });
/** Renders the library and waits until the signed-in user is known (the discard action depends on the role). */
async function renderLibrary() {
  const { queryClient, container } = renderWithProviders(<ProcessLibrary />);
  await waitFor(() => expect(queryClient.getQueryData(['me'])).toBeDefined());
  return container;
}

describe('ProcessLibrary', () => {
  let api: FakeApi;
  afterEach(restoreFetch);

  it('should list deployed processes and drafts from the server, each with its status, version, and who saved it', async () => {
    // given two deployed processes (one with a newer draft) and a draft never deployed
    api = installFakeApi(routes('process-owner'));

    // when the library opens
    renderWithProviders(<ProcessLibrary />);

    // then deployed processes come first, in the server's order, then the draft
    const whistle = await rowOf('街道吹哨');
    expect(within(whistle).getByText('第 3 版')).toBeInTheDocument();
    expect(within(whistle).getByText('有未部署的修改')).toBeInTheDocument();
    expect(within(whistle).getByText(/bajiao-owner/)).toBeInTheDocument();
    expect(within(await rowOf('无照经营查处')).getByText('已部署')).toBeInTheDocument();
    const noise = await rowOf('噪声巡查');
    expect(within(noise).getByText('草稿')).toBeInTheDocument();
    expect(within(noise).getByRole('button', { name: /版本历史/ })).toBeDisabled();
    const names = screen.getAllByRole('row').slice(1).map((row) => row.querySelector('td')?.textContent);
    expect(names).toEqual(['街道吹哨', '无照经营查处', '噪声巡查']);
    expect(api.callsTo('GET /api/drafts')).toHaveLength(1);
  });

  it('should discard a draft only after the owner confirms, and drop the row of a process never deployed', async () => {
    api = installFakeApi(routes('process-owner'));
    await renderLibrary();
    const noise = await rowOf('噪声巡查');

    // when the owner asks to discard, then cancels
    await userEvent.click(discardButton(noise)!);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('删除「噪声巡查」的草稿？');
    expect(dialog).toHaveTextContent('此流程从未部署');
    await userEvent.click(within(dialog).getByRole('button', { name: /取\s?消/ }));

    // then nothing is deleted
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE /api/definitions/noise-patrol/draft')).toEqual([]);

    // when the owner confirms
    await userEvent.click(discardButton(await rowOf('噪声巡查'))!);
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /删\s?除/ }));

    // then the draft is deleted and its row leaves the library
    expect(await screen.findByText('已删除「噪声巡查」的草稿')).toBeInTheDocument();
    expect(api.callsTo('DELETE /api/definitions/noise-patrol/draft')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByText('噪声巡查')).not.toBeInTheDocument());
    expect(screen.getByText('街道吹哨')).toBeInTheDocument();
  });

  it('should offer no discard to auditors, who may read drafts but not change them', async () => {
    installFakeApi(routes('auditor'));
    await renderLibrary();
    expect(discardButton(await rowOf('噪声巡查'))).toBeNull();
  });

  it('should offer discard to owners only where a draft is newer than the deployment', async () => {
    installFakeApi(routes('process-owner'));
    await renderLibrary();
    expect(discardButton(await rowOf('街道吹哨'))).not.toBeNull();
    expect(discardButton(await rowOf('无照经营查处'))).toBeNull();
  });

  it('should find processes by a part of their name or key, and say when none matches', async () => {
    // given
    installFakeApi(routes('process-owner'));
    await renderLibrary();
    await rowOf('街道吹哨');
    const search = screen.getByRole('searchbox', { name: '搜索流程' });

    // when part of a name, then part of a key is typed
    await userEvent.type(search, '吹哨');
    expect(screen.getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([expect.stringMatching(/^街道吹哨street-whistle/)]);
    await userEvent.clear(search);
    await userEvent.type(search, 'NOISE');
    expect(screen.getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([expect.stringMatching(/^噪声巡查noise-patrol/)]);

    // then a word nobody has leaves an explained empty list
    await userEvent.clear(search);
    await userEvent.type(search, '不存在');
    expect(await screen.findByText('没有名称或标识包含这些字的流程')).toBeInTheDocument();
  });

  it('should import a file into a draft with its lint findings and a change note, never deploying it', async () => {
    // given a file of the deployed street-whistle process with a gateway that has no default flow
    api = installFakeApi({
      ...routes('process-owner'),
      'PUT /api/definitions/street-whistle/draft': (call) => ({
        body: { key: 'street-whistle', ...(call.body as object), savedBy: 'owner', savedAt: '2026-11-27T02:00:00Z' },
      }),
    });
    const container = await renderLibrary();
    await rowOf('街道吹哨');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="street-whistle" name="街道吹哨" isExecutable="true">
    <bpmn:startEvent id="Start" name="收到" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gate" />
    <bpmn:exclusiveGateway id="Gate" name="是否属实" />
    <bpmn:sequenceFlow id="F2" sourceRef="Gate" targetRef="End"><bpmn:conditionExpression>=true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:endEvent id="End" name="结束" />
  </bpmn:process>
</bpmn:definitions>`;

    // when the file is chosen
    await userEvent.upload(container.querySelector('input[type="file"]') as HTMLInputElement, new File([xml], 'whistle.bpmn', { type: 'application/xml' }));

    // then the dialog names the process, says the import becomes a draft and deploys nothing, and lists the lint finding in Chinese
    const dialog = await screen.findByRole('dialog', { name: '导入 BPMN 文件' });
    expect(dialog).toHaveTextContent('街道吹哨');
    expect(dialog).toHaveTextContent('此流程现有的草稿（bajiao-owner 保存）将被替换。');
    expect(dialog).toHaveTextContent('导入不会部署');
    const findings = await within(dialog).findByRole('region', { name: '检查结果' });
    expect(findings).toHaveTextContent(/警告是否属实网关多余/);
    expect(findings).not.toHaveTextContent('未连接');
    const save = within(dialog).getByRole('button', { name: '保存为草稿并打开' });
    expect(save).toBeDisabled();

    // when a change note is written and the draft saved
    await userEvent.type(within(dialog).getByRole('textbox', { name: '变更说明' }), '区里统一模板');
    await userEvent.click(save);

    // then the one write is the draft with the note and the deployed version as its base; nothing is deployed
    await waitFor(() => expect(api.calls.filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.path}`)).toEqual(['PUT /api/definitions/street-whistle/draft']));
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({ xml, baseVersion: 3, note: '区里统一模板' });
    await waitFor(() => expect(window.location.pathname).toBe('/processes/street-whistle'));
  });

  it('should refuse a file without a process', async () => {
    api = installFakeApi(routes('process-owner'));
    const container = await renderLibrary();
    await rowOf('街道吹哨');

    await userEvent.upload(container.querySelector('input[type="file"]') as HTMLInputElement, new File(['<bpmn:definitions id="empty"/>'], 'empty.bpmn', { type: 'application/xml' }));

    expect(await screen.findByText('文件 empty.bpmn 中没有带标识的流程')).toBeInTheDocument();
    expect(api.calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });
});
