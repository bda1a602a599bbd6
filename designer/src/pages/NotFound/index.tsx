// The page for a path no route matches.
import { Button, Result } from 'antd';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/location';
import { routes } from '../../routing/routes';

/** A 404 result with a way back to the home page. */
export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Button type="primary" onClick={() => navigate(routes[0].path)}>
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
