// The header's user area: who is signed in, their roles and streets, and sign-out.
import { Button, Space, Tag, Typography } from 'antd';
import type { Me } from '../../api/auth';
import { useLogout } from '../../api/hooks/useLogout.mutation';
import { useStreetName } from '../../api/hooks/useStreetName';
import { useT } from '../../i18n/useT';

/**
 * Shows the user's display name (white, for the header), roles and streets (属地) and a sign-out button; on a phone the
 * header shows only the `name` and the menu drawer the `details`.
 */
export function UserMenu({ me, show = 'all' }: { me: Me; show?: 'all' | 'name' | 'details' }) {
  const t = useT();
  const logout = useLogout();
  const streetName = useStreetName();
  const name = (
    <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="current-user">
      {me.displayName}
    </Typography.Text>
  );
  if (show === 'name') return <span aria-label={t('header.user')} role="group">{name}</span>;
  return (
    <Space size="small" aria-label={show === 'details' ? t('header.userDetails') : t('header.user')} role="group" wrap={show === 'details'}>
      {show === 'all' && name}
      {me.roles.map((role) => (
        <Tag key={role} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {t(`role.${role}`)}
        </Tag>
      ))}
      {me.streets.map((street) => (
        <Tag key={street} color="cyan" style={{ marginInlineEnd: 0 }} title={t('header.street')}>
          {streetName(street)}
        </Tag>
      ))}
      <Button size="small" onClick={() => logout.mutate()} loading={logout.isPending}>
        {t('header.logout')}
      </Button>
    </Space>
  );
}
