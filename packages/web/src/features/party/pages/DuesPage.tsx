import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { DuesSheetView } from '@zhenggong/core';
import { App, Button, DatePicker, Flex, Form, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { beijingToday } from '../../../shared/utils/beijing-today';
import { exportDues, useDuesSheet, useRecordDues, yuan } from '../api';
import { PartyOrgSelect } from '../components/PartyOrgSelect';

type Row = DuesSheetView['rows'][number];

/** 党费: one organisation's month — computed dues by bracket, what was paid, the sheet export. */
export function DuesPage() {
  const { t } = useTranslation();
  const [partyOrgId, setPartyOrgId] = useState<string>();
  const [month, setMonth] = useState(beijingToday().slice(0, 7));
  const sheet = useDuesSheet(partyOrgId, month);
  const [paying, setPaying] = useState<Row | null>(null);
  const showError = useErrorMessage();
  const [exporting, setExporting] = useState(false);
  const s = sheet.data;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <PartyOrgSelect value={partyOrgId} onChange={setPartyOrgId} />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            data-testid="dues-month"
          />
        </Flex>
        <Button
          icon={<DownloadOutlined />}
          disabled={!partyOrgId}
          loading={exporting}
          data-testid="dues-export"
          onClick={() => {
            if (!partyOrgId) return;
            setExporting(true);
            exportDues(partyOrgId, month)
              .catch(showError)
              .finally(() => setExporting(false));
          }}
        >
          {t('party.dues.export')}
        </Button>
      </Flex>
      {s && (
        <Typography.Text data-testid="dues-total">
          {t('party.dues.total', { due: yuan(s.totalDueFen), paid: yuan(s.totalPaidFen), unpaid: s.unpaid })}
        </Typography.Text>
      )}
      {sheet.isError && <QueryErrorAlert error={sheet.error} onRetry={() => void sheet.refetch()} />}
      <Table<Row>
        data-testid="dues-sheet"
        rowKey="personId"
        size="small"
        scroll={{ x: 640 }}
        loading={sheet.isFetching}
        dataSource={s?.rows}
        pagination={false}
        columns={[
          { title: t('party.dues.name'), dataIndex: 'name' },
          { title: t('party.members.stage'), dataIndex: 'stage', render: (v: Row['stage']) => t(`party.stage.${v}`) },
          { title: t('party.dues.pay'), dataIndex: 'payFen', align: 'right', render: yuan },
          {
            title: t('party.dues.rate'),
            dataIndex: 'ratePermille',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : `${v / 10}%`),
          },
          { title: t('party.dues.due'), dataIndex: 'dueFen', align: 'right', render: yuan },
          { title: t('party.dues.paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
          {
            title: t('party.dues.paidOn'),
            dataIndex: 'paidOn',
            render: (v: string | null) => v ?? <Tag color="red">{t('party.dues.unpaid')}</Tag>,
          },
          {
            key: 'act',
            render: (_, row) => (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setPaying(row)}>
                {t('party.dues.record')}
              </Button>
            ),
          },
        ]}
      />
      {paying && <PayModal row={paying} month={month} onClose={() => setPaying(null)} />}
    </Flex>
  );
}

function PayModal({ row, month, onClose }: { row: Row; month: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ pay: number; paidOn: Dayjs }>();
  const record = useRecordDues();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={`${row.name} · ${month} · ${t('party.dues.record')}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ pay: row.payFen === null ? undefined : row.payFen / 100, paidOn: dayjs() }}
        onFinish={(v) =>
          record.mutate(
            { personId: row.personId, month, payFen: Math.round(v.pay * 100), paidOn: v.paidOn.format('YYYY-MM-DD') },
            {
              onSuccess: () => {
                void message.success(t('party.saved'));
                onClose();
              },
              onError: showError,
            },
          )
        }
      >
        <Form.Item
          name="pay"
          label={t('party.dues.pay')}
          extra={t('party.dues.payHint')}
          rules={[{ required: true }, { type: 'number', min: 0, max: 1_000_000 }]}
        >
          <InputNumber style={{ width: '100%' }} precision={2} data-testid="dues-pay" />
        </Form.Item>
        <Form.Item name="paidOn" label={t('party.dues.paidOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
