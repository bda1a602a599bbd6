// Moving through a case's steps: a slider, previous/next buttons, and the ← → keys (when no field has the focus).
import { Button, Flex, Slider, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../../i18n/useT';

/** Whether a key press belongs to a field (or the slider, which handles arrows itself) rather than to the page. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'slider';
}

/** Shows step `position` of `total` (1-based) and asks `onChange` for another one. */
export function StepNavigator({ position, total, onChange }: { position: number; total: number; onChange: (position: number) => void }) {
  const t = useT();
  const go = (to: number) => {
    if (to >= 1 && to <= total && to !== position) onChange(to);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (event.key === 'ArrowLeft' && position > 1) onChange(position - 1);
      else if (event.key === 'ArrowRight' && position < total) onChange(position + 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [position, total, onChange]);

  if (total === 0) return <Typography.Text type="secondary">{t('audit.step.none')}</Typography.Text>;
  return (
    <section aria-label={t('audit.step.navigator')}>
      <Flex align="center" gap="small">
        <Button disabled={position <= 1} onClick={() => go(position - 1)}>
          ← {t('audit.step.prev')}
        </Button>
        <Slider
          style={{ flex: 1, margin: '0 12px' }}
          min={1}
          max={Math.max(total, 1)}
          value={position}
          disabled={total < 2}
          onChange={(value: number) => go(value)}
          tooltip={{ formatter: (value) => t('audit.step.position', { n: value ?? position, total }) }}
          ariaLabelForHandle={t('audit.step.slider')}
        />
        <Button disabled={position >= total} onClick={() => go(position + 1)}>
          {t('audit.step.next')} →
        </Button>
      </Flex>
      <Flex justify="space-between" style={{ marginTop: 4 }}>
        <Typography.Text strong data-testid="step-position">
          {t('audit.step.position', { n: position, total })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('audit.step.keys')}
        </Typography.Text>
      </Flex>
    </section>
  );
}
