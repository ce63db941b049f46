import { Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import type { UserFilter } from '../api';

interface UserFiltersProps {
  initial: UserFilter;
  onSearch: (filter: UserFilter) => void;
}

export function UserFilters({ initial, onSearch }: UserFiltersProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFilter>();

  const submit = (values: UserFilter) =>
    onSearch({ ...values, keyword: values.keyword?.trim() || undefined, includeSub: values.includeSub ?? true });

  return (
    <Form<UserFilter> form={form} name="userFilters" layout="inline" initialValues={initial} onFinish={submit} style={{ rowGap: 8 }}>
      <Form.Item label={t('users.filters.keyword')} name="keyword">
        <Input allowClear placeholder={t('users.filters.keywordPlaceholder')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label={t('users.filters.status')} name="status">
        <Select
          allowClear
          placeholder={t('common.selectPlaceholder')}
          style={{ width: 110 }}
          options={[
            { value: 'active', label: t('userStatus.active') },
            { value: 'disabled', label: t('userStatus.disabled') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('users.filters.org')} name="orgId">
        <OrgTreeSelect allowClear style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="includeSub" valuePropName="checked">
        <Checkbox>{t('users.filters.includeSub')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ keyword: undefined, status: undefined, orgId: undefined, includeSub: true });
              submit(form.getFieldsValue());
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
