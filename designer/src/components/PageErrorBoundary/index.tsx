// What a page throws while it renders, its code failing to download among it (a phone losing its connection, a deploy
// that replaced the files): the page says so with a way to reload, instead of the whole app going blank.
import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';

/** The page's place when it failed: what happened and 重新加载. */
function PageFailed() {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t('page.loadFailed')}
      description={t('page.loadFailedHelp')}
      action={<Button onClick={() => window.location.reload()}>{t('page.reload')}</Button>}
    />
  );
}

/** Shows PageFailed instead of `children` once they threw, until `resetKey` changes (another path: it tries again). */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { key: string }): { failed: boolean; key: string } | null {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}
