// The menu on a phone: a header button opens a drawer with the navigation, the user's roles and streets, sign-out and the
// interface language, which the header has no room for.
import { Button, Drawer, Flex } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Me } from '../../api/auth';
import { useT } from '../../i18n/useT';
import { LanguageSwitch } from '../LanguageSwitch';
import { UserMenu } from '../UserMenu';

/** The ☰ button and its drawer holding `children` (the navigation); choosing an entry closes the drawer. */
export function NavDrawer({ me, children }: { me: Me; children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // An entry chosen opens another page: focus stays there, or its return to ☰ after the closing animation would blur
  // (and close) a select tapped on the new page meanwhile. Closed any other way, focus goes back to ☰.
  const [chose, setChose] = useState(false);
  const openMenu = () => {
    setChose(false);
    setOpen(true);
  };
  const choose = () => {
    setChose(true);
    setOpen(false);
  };
  return (
    <>
      <Button type="text" aria-label={t('nav.open')} aria-expanded={open} onClick={openMenu} style={{ color: '#fff', fontSize: 20, paddingInline: 8 }}>
        ☰
      </Button>
      <Drawer placement="left" size={280} open={open} onClose={() => setOpen(false)} focusable={{ focusTriggerAfterClose: !chose }} title={t('nav.label')} styles={{ body: { padding: 0 } }}>
        <div onClick={choose}>{children}</div>
        <Flex vertical gap="middle" style={{ padding: 16 }}>
          <UserMenu me={me} show="details" />
          <LanguageSwitch />
        </Flex>
      </Drawer>
    </>
  );
}
