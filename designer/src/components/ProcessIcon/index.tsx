// A process's picture in the service desk and 我的工单: a coloured round badge with one Chinese character per icon
// name (`sparrow:icon`, contracts/processIcons.ts); without an icon, the first character of the process's name.
import { Avatar } from 'antd';
import type { ProcessIcon as IconName } from '../../../../contracts/processIcons';

const ICONS: Record<IconName, { text: string; color: string }> = {
  volunteer: { text: '助', color: '#eb2f96' },
  repair: { text: '修', color: '#fa8c16' },
  elderly: { text: '老', color: '#722ed1' },
  cleaning: { text: '洁', color: '#13c2c2' },
  complaint: { text: '诉', color: '#f5222d' },
  deliberation: { text: '议', color: '#2f54eb' },
  whistle: { text: '哨', color: '#fa541c' },
  enforcement: { text: '法', color: '#1677ff' },
};

/** The badge of a process with `icon` (null: none named) and display `name`. */
export function ProcessIcon({ icon, name, size = 48 }: { icon: string | null | undefined; name: string; size?: number }) {
  const known = icon ? ICONS[icon as IconName] : undefined;
  return (
    <Avatar size={size} style={{ background: known?.color ?? '#597ef7', flex: 'none', fontSize: size * 0.45 }} aria-hidden>
      {known?.text ?? [...name][0] ?? '?'}
    </Avatar>
  );
}
