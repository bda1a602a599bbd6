// The banner shown once any API call answers 401; the login page (a later issue) replaces it.
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { setUnauthorizedHandler } from '../../api/request';
import { useT } from '../../i18n/useT';

/** Registers the app's 401 handler and, once it fires, asks the user to sign in again. */
export function SessionExpiredAlert() {
  const t = useT();
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    setUnauthorizedHandler(() => setExpired(true));
    return () => setUnauthorizedHandler(null);
  }, []);

  if (!expired) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      title={t('session.expired.title')}
      description={t('session.expired.detail')}
      action={<Button onClick={() => window.location.reload()}>{t('session.expired.reload')}</Button>}
    />
  );
}
