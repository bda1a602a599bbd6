// The form of a clock change: 中止 (依据 and 理由), 恢复 (理由) or 延期 (天数 and 理由), sent to the case's clock.
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { SUSPENSION_GROUNDS, type SuspensionGround } from '../../../../../contracts/legalTime';
import type { ClockAction } from '../../../api/clocks';
import { useChangeClock } from '../../../api/hooks/useChangeClock.mutation';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useT } from '../../../i18n/useT';

/** The longest reason the server takes. */
export const REASON_MAX = 500;
/** The most days one extension may add. */
export const EXTENSION_MAX_DAYS = 3650;

interface ChangeValues {
  ground?: SuspensionGround;
  reason: string;
  days?: number;
}

/** The dialog for `action` on clock `clock` of case `instanceId`; `onClose` after success or cancel. */
export function ClockChangeModal({ instanceId, clock, action, unit, onClose }: { instanceId: string; clock: string; action: ClockAction; unit: 'calendarDays' | 'workingDays' | 'time'; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const change = useChangeClock(instanceId);

  function onFinish(values: ChangeValues) {
    change.mutate(
      { clock, action, reason: values.reason.trim(), ...(action === 'suspend' ? { ground: values.ground } : {}), ...(action === 'extend' ? { days: values.days } : {}) },
      {
        onSuccess: () => {
          void message.success(t(`legalTime.${action}.done`, { clock }));
          onClose();
        },
      },
    );
  }

  return (
    <Modal
      open
      title={t(`legalTime.${action}.title`, { clock })}
      okText={t(`legalTime.${action}`)}
      cancelText={t('deploy.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {action === 'suspend' && (
          <Form.Item name="ground" label={t('legalTime.ground')} rules={[{ required: true, message: t('legalTime.ground.required') }]}>
            <Select placeholder={t('legalTime.ground.placeholder')} options={SUSPENSION_GROUNDS.map((ground) => ({ value: ground, label: t(`legalTime.ground.${ground}`) }))} />
          </Form.Item>
        )}
        {action === 'extend' && (
          <Form.Item
            name="days"
            label={t(unit === 'workingDays' ? 'legalTime.days.working' : 'legalTime.days.calendar')}
            rules={[
              { required: true, message: t('legalTime.days.required') },
              { type: 'integer', min: 1, max: EXTENSION_MAX_DAYS, message: t('legalTime.days.range', { max: EXTENSION_MAX_DAYS }) },
            ]}
          >
            <InputNumber min={1} max={EXTENSION_MAX_DAYS} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('legalTime.reason')}
          rules={[
            { required: true, whitespace: true, message: t('legalTime.reason.required') },
            { max: REASON_MAX, message: t('legalTime.reason.tooLong', { max: REASON_MAX }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
      {change.error && <ProblemAlert message={t(`legalTime.${action}.failed`)} error={change.error} />}
    </Modal>
  );
}
