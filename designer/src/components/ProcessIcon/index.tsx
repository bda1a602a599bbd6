// A process's picture in the service desk and 我的工单: a coloured round badge with one Chinese character per icon
// name (`sparrow:icon`, contracts/processIcons.ts; ./badges); without an icon, the first character of the process's name.
import { Avatar } from 'antd';
import type { ProcessIcon as IconName } from '../../../../contracts/processIcons';
import { ICON_BADGES } from './badges';

/** The badge of a process with `icon` (null: none named) and display `name`. */
export function ProcessIcon({ icon, name, size = 48 }: { icon: string | null | undefined; name: string; size?: number }) {
  const known = icon ? ICON_BADGES[icon as IconName] : undefined;
  return (
    <Avatar size={size} style={{ background: known?.color ?? '#597ef7', flex: 'none', fontSize: size * 0.45 }} aria-hidden>
      {known?.text ?? [...name][0] ?? '?'}
    </Avatar>
  );
}
