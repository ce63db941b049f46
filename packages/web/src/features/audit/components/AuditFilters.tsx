import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditOutcome } from '../api';
import { eventTypeOptions } from '../audit-names';

interface FilterValues {
  actor?: string;
  eventType?: string;
  outcome?: AuditOutcome;
  range?: [Dayjs | null, Dayjs | null] | null;
  objectId?: string;
}

/** Whole local days as the server's half-open [from, to): midnight of the first day to midnight after the last. */
function toFilter(values: FilterValues): AuditFilter {
  const [start, end] = values.range ?? [null, null];
  return {
    actor: values.actor?.trim() || undefined,
    eventType: values.eventType?.trim() || undefined,
    outcome: values.outcome,
    objectId: values.objectId?.trim() || undefined,
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

export function AuditFilters({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterValues>();

  return (
    <Form<FilterValues>
      form={form}
      name="auditFilters"
      layout="inline"
      onFinish={(values) => onSearch(toFilter(values))}
      style={{ rowGap: 8 }}
    >
      <Form.Item label={t('audit.filters.actor')} name="actor">
        <Input allowClear placeholder={t('audit.filters.actorPlaceholder')} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item label={t('audit.filters.eventType')} name="eventType">
        <Select
          allowClear
          showSearch
          placeholder={t('audit.filters.eventTypePlaceholder')}
          style={{ width: 200 }}
          popupMatchSelectWidth={260}
          options={eventTypeOptions(i18n.language === 'en-US')}
          filterOption={(input, option) =>
            option !== undefined && (option.label.includes(input.trim()) || option.code.includes(input.trim().toLowerCase()))
          }
        />
      </Form.Item>
      <Form.Item label={t('audit.filters.outcome')} name="outcome">
        <Select
          allowClear
          placeholder={t('common.selectPlaceholder')}
          style={{ width: 100 }}
          options={[
            { value: 'success', label: t('audit.outcome.success') },
            { value: 'failure', label: t('audit.outcome.failure') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('audit.filters.dateRange')} name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label={t('audit.filters.objectId')} name="objectId">
        <Input allowClear style={{ width: 150 }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
