/** @jest-environment jsdom */
// Version history against a fake API: the versions table, the last two compared by default, another pair on request,
// and the list of changes computed by bpmn-js-differ from the real XML. The diagrams themselves are bpmn-js (an ES
// module jest cannot load): a stand-in records which elements would be coloured; the browser journeys draw them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VersionHistory } from '../../../../designer/src/pages/VersionHistory';
import { type FakeApi, installFakeApi, problem, restoreFetch } from '../../support/fakeApi';
import { renderWithProviders } from '../../support/renderWithProviders';

jest.mock('../../../../designer/src/pages/VersionHistory/DiffViewer', () => ({
  DiffViewer: ({ label, markers, focus }: { label: string; markers: Record<string, string>; focus?: string }) => <figure aria-label={label} data-markers={JSON.stringify(markers)} data-focus={focus ?? ''} />,
}));

const v1 = readFileSync(path.join(__dirname, '../../../api/fixtures/street-inspection.bpmn'), 'utf8');
const v2 = v1.replace('name="现场核查"', 'name="现场核查并拍照"');
const v3 = v2
  .replace('<bpmn:endEvent id="End" name="办结" />', '<bpmn:userTask id="Review" name="复核" /><bpmn:endEvent id="End" name="办结" />')
  .replace('<bpmn:sequenceFlow id="F2" sourceRef="Inspect" targetRef="End" />', '<bpmn:sequenceFlow id="F2" sourceRef="Inspect" targetRef="Review" /><bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="End" />');
// version 3 also names who may start it (roles, by id)
const v3WithStarters = v3
  .replace('xmlns:zeebe=', 'xmlns:sparrow="urn:sparrow:bpmn:1.0" xmlns:zeebe=')
  .replace('<bpmn:process id="street-inspection" name="街面巡查" isExecutable="true">', '<bpmn:process id="street-inspection" name="街面巡查" isExecutable="true"><bpmn:extensionElements><sparrow:starters names="street-commander, enforcement-staff" /></bpmn:extensionElements>');
const xmlOf: Record<number, string> = { 1: v1, 2: v2, 3: v3WithStarters };
const summary = (version: number, note: string | null) => ({
  key: 'street-inspection',
  version,
  name: '街面巡查',
  sha256: `${version}`.repeat(64),
  note,
  deployedBy: 'owner',
  deployedAt: `2026-11-2${version}T02:00:00Z`,
  forms: version === 3 ? [{ formId: 'inspection-form', version: 2 }] : [],
});

function routes() {
  const routes: Record<string, { body: unknown }> = {
    'GET /api/definitions/street-inspection/versions': { body: { items: [summary(3, '增加复核'), summary(2, '改名'), summary(1, null)] } },
  };
  for (const version of [1, 2, 3]) routes[`GET /api/definitions/street-inspection/versions/${version}`] = { body: { ...summary(version, null), warnings: [], xml: xmlOf[version], model: {} } };
  return routes;
}

const markersOf = (label: string) => JSON.parse(screen.getByRole('figure', { name: label }).getAttribute('data-markers') ?? '{}');

describe('VersionHistory', () => {
  let api: FakeApi;
  afterEach(restoreFetch);

  it('should list the versions newest first and compare the last two, colouring and listing what changed', async () => {
    api = installFakeApi(routes());
    renderWithProviders(<VersionHistory params={{ key: 'street-inspection' }} />);

    // then the table shows each version with its note, pinned forms and hash
    expect(await screen.findByText('版本历史：街面巡查')).toBeInTheDocument();
    const table = screen.getAllByRole('table')[0];
    const rows = within(table).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows[0]).toMatch(/^第 3 版增加复核inspection-form 第 2 版owner.*3{12}$/);
    expect(rows[2]).toMatch(/^第 1 版—/);

    // and version 2 → 3 is compared: the review task and its flow added, the re-routed flow and end event changed
    await waitFor(() => expect(screen.getByRole('figure', { name: '第 3 版流程图（新增和修改的元素已标出）' })).toBeInTheDocument());
    expect(markersOf('第 3 版流程图（新增和修改的元素已标出）')).toMatchObject({ Review: 'diff-added', F3: 'diff-added', F2: 'diff-changed' });
    expect(markersOf('第 2 版流程图（删除和修改的元素已标出）')).not.toHaveProperty('Review');
    const changes = screen.getAllByRole('table')[1];
    expect(within(changes).getByText('Review').closest('tr')).toHaveTextContent(/^新增复核 Review/);
    expect(api.callsTo('GET /api/definitions/street-inspection/versions/1')).toEqual([]);
  });

  it('should compare the pair the user picks', async () => {
    api = installFakeApi(routes());
    renderWithProviders(<VersionHistory params={{ key: 'street-inspection' }} />);
    await screen.findByRole('figure', { name: '第 3 版流程图（新增和修改的元素已标出）' });

    // when the older side becomes version 1 and the newer version 2
    await userEvent.click(screen.getByRole('combobox', { name: '新版本' }));
    await userEvent.click((await screen.findAllByTitle('第 2 版')).at(-1)!);
    await userEvent.click(screen.getByRole('combobox', { name: '旧版本' }));
    await userEvent.click((await screen.findAllByTitle('第 1 版')).at(-1)!);

    // then only the rename shows
    await waitFor(() => expect(screen.getByRole('figure', { name: '第 2 版流程图（新增和修改的元素已标出）' })).toBeInTheDocument());
    await waitFor(() => expect(markersOf('第 2 版流程图（新增和修改的元素已标出）')).toEqual({ Inspect: 'diff-changed' }));
    const changes = screen.getAllByRole('table')[1];
    expect(within(changes).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['修改现场核查并拍照 Inspect人工任务名称：现场核查 → 现场核查并拍照']);
  });

  it('should bring a picked change into view on both diagrams and list its values in words', async () => {
    // given version 2 → 3 compared (the review task added, the end event's flow re-routed)
    installFakeApi(routes());
    renderWithProviders(<VersionHistory params={{ key: 'street-inspection' }} />);
    const newer = await screen.findByRole('figure', { name: '第 3 版流程图（新增和修改的元素已标出）' });
    const changes = screen.getAllByRole('table')[1];

    // when the re-routed flow is picked
    await userEvent.click(within(changes).getByText('F2'));

    // then both diagrams focus it and the row says where it leads now, by the elements' names
    expect(newer).toHaveAttribute('data-focus', 'F2');
    expect(screen.getByRole('figure', { name: '第 2 版流程图（删除和修改的元素已标出）' })).toHaveAttribute('data-focus', 'F2');
    const row = within(changes).getByText('F2').closest('tr')!;
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(row).toHaveTextContent('终点：办结 → 复核');
    expect(row.textContent).not.toMatch(/targetRef/);

    // and the process's starters read as roles by name, not ids
    const process = within(changes).getByText('street-inspection').closest('tr')!;
    expect(process).toHaveTextContent('发起权限：（未设置） → 街道指挥、执法队员');
    expect(process.textContent).not.toMatch(/street-commander|enforcement-staff/);
  });

  it('should say why the history cannot be shown', async () => {
    installFakeApi({ 'GET /api/definitions/nothing/versions': problem(404, 'not-found', { detail: 'definition nothing was not found' }) });
    renderWithProviders(<VersionHistory params={{ key: 'nothing' }} />);

    expect(await screen.findByText('无法加载版本')).toBeInTheDocument();
  });
});
