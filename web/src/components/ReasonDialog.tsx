import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks for the reason a record is voided or disabled (records are never deleted). */
export function ReasonDialog({
  title,
  label,
  open,
  pending,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  open: boolean;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      okButtonProps={{ danger: true, loading: pending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => onSubmit(v.reason)}>
        <Form.Item name="reason" label={label} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
