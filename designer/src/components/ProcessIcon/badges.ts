// How each process icon (`sparrow:icon`, contracts/processIcons.ts) is drawn: one Chinese character on a coloured
// round badge, and the icon's name for people choosing it. The service desk's ProcessIcon and the modeler's icon picker
// both draw from here.
import type { ProcessIcon } from '../../../../contracts/processIcons';

/** One icon's badge: its character, colour and English name (translated where shown). */
export interface IconBadge {
  text: string;
  color: string;
  label: string;
}

/** The badge of every process icon. */
export const ICON_BADGES: Readonly<Record<ProcessIcon, IconBadge>> = {
  volunteer: { text: '助', color: '#eb2f96', label: 'Volunteer service' },
  repair: { text: '修', color: '#fa8c16', label: 'Repairs' },
  elderly: { text: '老', color: '#722ed1', label: 'Elderly care' },
  cleaning: { text: '洁', color: '#13c2c2', label: 'Cleaning' },
  complaint: { text: '诉', color: '#f5222d', label: 'Complaints' },
  deliberation: { text: '议', color: '#2f54eb', label: 'Deliberation' },
  whistle: { text: '哨', color: '#fa541c', label: 'Whistle-blowing' },
  enforcement: { text: '法', color: '#1677ff', label: 'Law enforcement' },
};
