// The header's user area: who is signed in, their roles and streets, and sign-out.
import { Button, Space, Tag, Typography } from 'antd';
import type { Me } from '../../api/auth';
import { useLogout } from '../../api/hooks/useLogout.mutation';
import { useStreetName } from '../../api/hooks/useStreetName';
import { useT } from '../../i18n/useT';

/** Shows the user's display name, roles and streets (属地) and a sign-out button. */
export function UserMenu({ me }: { me: Me }) {
  const t = useT();
  const logout = useLogout();
  const streetName = useStreetName();
  return (
    <Space size="small" aria-label={t('header.user')} role="group">
      <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="current-user">
        {me.displayName}
      </Typography.Text>
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
