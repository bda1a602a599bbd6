// The 法定时限 card of a case: each statutory clock its process declares that has started, and the 中止 / 恢复 / 延期
// forms for street commanders, admins and the clock's approvers while the case runs.
import { Card, Flex } from 'antd';
import { useState } from 'react';
import type { ClockView } from '../../../../../contracts/legalTime';
import type { ClockAction } from '../../../api/clocks';
import { useMe } from '../../../api/hooks/useMe.query';
import { useT } from '../../../i18n/useT';
import { ClockChangeModal } from './ClockChangeModal';
import { ClockItem } from './ClockItem';
import { mayChangeClock } from './clockFigures';

/** The clocks of case `instanceId`; nothing when none has started. `running`: the case still runs (changes allowed). */
export function LegalClocks({ instanceId, clocks, running }: { instanceId: string; clocks: readonly ClockView[] | undefined; running: boolean }) {
  const t = useT();
  const me = useMe().data;
  const [open, setOpen] = useState<{ clock: ClockView; action: ClockAction } | null>(null);
  if (!clocks || clocks.length === 0) return null;

  return (
    <Card size="small" title={t('legalTime.title')}>
      <Flex vertical gap="middle" role="list" aria-label={t('legalTime.title')}>
        {clocks.map((clock) => (
          <ClockItem key={clock.name} clock={clock} onAction={running && mayChangeClock(me, clock) ? (action) => setOpen({ clock, action }) : undefined} />
        ))}
      </Flex>
      {open && <ClockChangeModal instanceId={instanceId} clock={open.clock.name} action={open.action} unit={open.clock.unit} onClose={() => setOpen(null)} />}
    </Card>
  );
}
