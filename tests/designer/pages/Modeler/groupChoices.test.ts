// The candidate groups the modeler's picker offers (issue 17): named in the UI language, never by their ids.
import { groupChoices } from '../../../../designer/src/pages/Modeler/Workspace/groupChoices';
import { en } from '../../../../designer/src/i18n/messages/en';
import { zhCN } from '../../../../designer/src/i18n/messages/zh-CN';

const UNITS = [{ id: 'chengguan', name: '城管执法队', kind: 'department' as const, parentId: 'shijingshan', createdAt: '2026-01-01T00:00:00Z' }];

describe('the candidate groups of the modeler', () => {
  it('should offer groups, task-working roles and org units by their zh-CN names', () => {
    const choices = groupChoices(zhCN, UNITS);
    expect(choices).toEqual(
      expect.arrayContaining([
        { id: 'enforcement', label: '执法队', kind: 'group' },
        { id: 'command-center', label: '指挥中心', kind: 'group' },
        { id: 'enforcement-staff', label: '执法队员', kind: 'role' },
        { id: 'chengguan', label: '城管执法队', kind: 'orgUnit' },
      ]),
    );
    expect(choices.map((choice) => choice.id)).not.toContain('auditor');
    expect(choices.every((choice) => !/^[A-Za-z -]+$/.test(choice.label) || choice.kind === 'orgUnit')).toBe(true);
  });

  it('should name them in English for English', () => {
    expect(groupChoices(en, [])).toEqual(expect.arrayContaining([{ id: 'command-center', label: 'Command center', kind: 'group' }]));
  });
});
