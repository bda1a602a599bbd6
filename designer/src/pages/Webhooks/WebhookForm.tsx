// The dialog that registers a webhook or changes one: name, URL, events, streets, secret (shown never; a new one
// replaces it), on or off.
import { App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../../contracts/api/webhooks';
import { useChangeWebhook } from '../../api/hooks/useChangeWebhook.mutation';
import { useOrgUnits } from '../../api/hooks/useOrgUnits.query';
import type { Webhook } from '../../api/webhooks';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useT } from '../../i18n/useT';
import { EVENT_LABEL } from './eventLabels';

/** The shortest secret the server takes. */
export const SECRET_MIN = 16;

interface FormValues {
  name: string;
  url: string;
  events: WebhookEvent[];
  streets: string[];
  secret?: string;
  active: boolean;
}

/** The form for a new webhook (`webhook` null) or for `webhook`; `districtWide` offers 全区; `onClose` after saving or cancelling. */
export function WebhookForm({ webhook, districtWide, ownStreets, onClose }: { webhook: Webhook | null; districtWide: boolean; ownStreets: string[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const change = useChangeWebhook();
  const streets = useOrgUnits('street');
  const streetOptions = [
    ...(districtWide ? [{ value: '*', label: t('street.district') }] : []),
    ...(streets.data ?? []).filter((s) => districtWide || ownStreets.includes(s.id)).map((s) => ({ value: s.id, label: s.name })),
  ];

  function onFinish(values: FormValues) {
    const secret = values.secret?.trim() ? values.secret : undefined;
    const fields = { name: values.name.trim(), url: values.url.trim(), events: values.events, streets: values.streets, active: values.active };
    const what = webhook ? { id: webhook.id, change: { ...fields, ...(secret && { secret }) } } : { input: { ...fields, secret: secret ?? '' } };
    change.mutate(what, {
      onSuccess: () => {
        void message.success(t(webhook ? 'webhooks.saved' : 'webhooks.created', { name: fields.name }));
        onClose();
      },
    });
  }

  return (
    <Modal
      open
      title={t(webhook ? 'webhooks.edit.title' : 'webhooks.create.title')}
      okText={t('webhooks.save')}
      cancelText={t('deploy.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={webhook ? { name: webhook.name, url: webhook.url, events: webhook.events, streets: webhook.streets, active: webhook.active } : { events: ['case.started', 'case.completed'], streets: districtWide ? [] : ownStreets, active: true }}
      >
        <Form.Item name="name" label={t('webhooks.field.name')} rules={[{ required: true, whitespace: true, message: t('webhooks.field.name.required') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="url" label={t('webhooks.field.url')} extra={t('webhooks.field.url.help')} rules={[{ required: true, message: t('webhooks.field.url.required') }, { type: 'url', message: t('webhooks.field.url.invalid') }]}>
          <Input placeholder="https://" maxLength={2000} />
        </Form.Item>
        <Form.Item name="events" label={t('webhooks.field.events')} rules={[{ required: true, message: t('webhooks.field.events.required') }]}>
          <Checkbox.Group options={WEBHOOK_EVENTS.map((event) => ({ value: event, label: t(EVENT_LABEL[event]) }))} />
        </Form.Item>
        <Form.Item name="streets" label={t('webhooks.field.streets')} rules={[{ required: true, message: t('webhooks.field.streets.required') }]}>
          <Select mode="multiple" options={streetOptions} loading={streets.isPending} />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('webhooks.field.secret')}
          extra={t(webhook ? 'webhooks.field.secret.keep' : 'webhooks.field.secret.help')}
          rules={[{ required: !webhook, message: t('webhooks.field.secret.required') }, { min: SECRET_MIN, message: t('webhooks.field.secret.tooShort', { min: SECRET_MIN }) }, { max: 200 }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item name="active" label={t('webhooks.field.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {change.error && <ProblemAlert message={t('webhooks.saveFailed')} error={change.error} />}
    </Modal>
  );
}
