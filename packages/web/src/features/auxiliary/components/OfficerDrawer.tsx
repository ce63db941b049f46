import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { toFen, useAddUniform, useCreateContract, useOfficer, useRule, useSetPayGrade, yuan } from '../api';
import { asContractKind, asExitKind, type AssessmentGrade, type Contract, type ContractKind, type OfficerDetail } from '../types';
import { ExitModal } from './ExitModal';
import { RenewModal } from './RenewModal';
import { beijingTodayDayjs } from '../../../shared/utils/beijing-today';

const date = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : undefined);

function ContractsTab({ officer }: { officer: OfficerDetail }) {
  const { t } = useTranslation();
  const kindLabel = (k: string) => {
    const kind = asContractKind(k);
    return kind ? t(`auxiliary.detail.kinds.${kind}`) : k;
  };
  const canWrite = usePermission('auxiliary:write');
  const [form] = Form.useForm<{ kind: ContractKind; startDate: Dayjs; endDate?: Dayjs }>();
  const create = useCreateContract();
  const showError = useErrorMessage();
  const [renewing, setRenewing] = useState<Contract | null>(null);
  const active = officer.contracts.find((c) => c.status === 'active');
  const serving = officer.status === 'serving' || officer.status === 'seconded';
  return (
    <Flex vertical gap={12}>
      <Table<Contract>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={officer.contracts}
        columns={[
          { title: '#', dataIndex: 'sequence', width: 50 },
          { title: t('auxiliary.detail.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k) },
          { title: t('auxiliary.detail.start'), dataIndex: 'startDate' },
          { title: t('auxiliary.detail.end'), dataIndex: 'endDate', render: (e: string | null) => e ?? t('auxiliary.officers.openEnded') },
          {
            title: t('auxiliary.officers.status'),
            dataIndex: 'status',
            render: (s: Contract['status']) => (
              <Tag color={s === 'active' ? 'green' : 'default'}>{t(`auxiliary.detail.contractStatus.${s}`)}</Tag>
            ),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, c) =>
              c.status === 'active' && canWrite && serving ? (
                <Button size="small" onClick={() => setRenewing(c)}>
                  {t('auxiliary.detail.renew')}
                </Button>
              ) : (
                c.endReason
              ),
          },
        ]}
      />
      {canWrite && serving && !active && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'fixed', startDate: beijingTodayDayjs() }}
          onFinish={(v) =>
            create.mutate(
              { personId: officer.id, kind: v.kind, startDate: v.startDate.format('YYYY-MM-DD'), endDate: date(v.endDate) },
              { onSuccess: () => form.resetFields(), onError: showError },
            )
          }
        >
          <Form.Item name="kind">
            <Select
              style={{ width: 140 }}
              options={(['fixed', 'open_ended', 'task'] as const).map((k) => ({ value: k, label: t(`auxiliary.detail.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="startDate" rules={[{ required: true }]}>
            <DatePicker placeholder={t('auxiliary.detail.start')} />
          </Form.Item>
          <Form.Item name="endDate" tooltip={t('auxiliary.detail.endHint')}>
            <DatePicker placeholder={t('auxiliary.detail.end')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('auxiliary.detail.newContract')}
          </Button>
        </Form>
      )}
      {renewing && (
        <RenewModal
          contractId={renewing.id}
          name={officer.name}
          kind={asContractKind(renewing.kind) ?? 'fixed'}
          onClose={() => setRenewing(null)}
        />
      )}
    </Flex>
  );
}

function PayTab({ officer }: { officer: OfficerDetail }) {
  const { t } = useTranslation();
  const canPay = usePermission('auxiliary:pay');
  const scale = useRule('pay-scale');
  const [form] = Form.useForm<{ grade: string; startDate: Dayjs; adjust?: number }>();
  const setGrade = useSetPayGrade();
  const showError = useErrorMessage();
  const e = officer.payEstimate;
  const serving = officer.status === 'serving' || officer.status === 'seconded';
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" bordered column={2} title={t('auxiliary.detail.estimate', { month: e.month })}>
        <Descriptions.Item label={t('auxiliary.detail.grade')}>{e.grade ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.base')}>{yuan(e.basePayFen)}</Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.allowances')}>{yuan(e.allowancesFen)}</Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.personalAdjust')}>{yuan(e.personalAdjustFen)}</Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.gross')}>{yuan(e.grossFen)}</Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.assessment')}>{yuan(e.assessmentFen)}</Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.insuranceBase')}>{yuan(e.insuranceBaseFen)}</Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.personalInsurance')}>{yuan(e.personalInsuranceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.netBeforeTax')}>
          <Typography.Text strong>{yuan(e.netBeforeTaxFen)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('auxiliary.detail.employerCost')}>{yuan(e.employerCostFen)}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t('auxiliary.detail.taxNote')}</Typography.Text>
      <Typography.Title level={5}>{t('auxiliary.detail.history')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={officer.payGrades}
        columns={[
          { title: t('auxiliary.detail.grade'), dataIndex: 'grade' },
          { title: t('auxiliary.detail.personalAdjust'), dataIndex: 'personalAdjustFen', render: (v: number) => yuan(v) },
          { title: t('auxiliary.detail.start'), dataIndex: 'startDate' },
          { title: t('auxiliary.detail.end'), dataIndex: 'endDate' },
        ]}
      />
      {canPay && serving && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ startDate: dayjs().add(1, 'month').startOf('month') }}
          onFinish={(v) =>
            setGrade.mutate(
              {
                personId: officer.id,
                grade: v.grade,
                startDate: v.startDate.format('YYYY-MM-DD'),
                personalAdjustFen: v.adjust === undefined || v.adjust === null ? undefined : toFen(v.adjust),
              },
              { onSuccess: () => form.resetFields(), onError: showError },
            )
          }
        >
          <Form.Item name="grade" rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              placeholder={t('auxiliary.detail.grade')}
              options={(scale.data?.inForce.value.grades ?? []).map((g) => ({ value: g.code, label: g.code }))}
            />
          </Form.Item>
          <Form.Item name="startDate" rules={[{ required: true }]}>
            <DatePicker placeholder={t('auxiliary.detail.effective')} />
          </Form.Item>
          <Form.Item name="adjust">
            <InputNumber placeholder={t('auxiliary.detail.personalAdjust')} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={setGrade.isPending}>
            {t('auxiliary.detail.setGrade')}
          </Button>
        </Form>
      )}
    </Flex>
  );
}

function UniformsTab({ officer }: { officer: OfficerDetail }) {
  const { t } = useTranslation();
  const canWrite = usePermission('auxiliary:write');
  const [form] = Form.useForm<{ item: string; size?: string; quantity: number; issueDate: Dayjs; nextDueDate?: Dayjs }>();
  const add = useAddUniform();
  const showError = useErrorMessage();
  const serving = officer.status === 'serving' || officer.status === 'seconded';
  return (
    <Flex vertical gap={12}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={officer.uniforms}
        columns={[
          { title: t('auxiliary.detail.item'), dataIndex: 'item' },
          { title: t('auxiliary.detail.size'), dataIndex: 'size' },
          { title: t('auxiliary.detail.quantity'), dataIndex: 'quantity' },
          { title: t('auxiliary.detail.issueDate'), dataIndex: 'issueDate' },
          { title: t('auxiliary.detail.nextDue'), dataIndex: 'nextDueDate' },
        ]}
      />
      {canWrite && serving && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ quantity: 1, issueDate: dayjs() }}
          onFinish={(v) =>
            add.mutate(
              {
                personId: officer.id,
                item: v.item,
                size: v.size || undefined,
                quantity: v.quantity,
                issueDate: v.issueDate.format('YYYY-MM-DD'),
                nextDueDate: date(v.nextDueDate) ?? null,
              },
              { onSuccess: () => form.resetFields(), onError: showError },
            )
          }
        >
          <Form.Item name="item" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('auxiliary.detail.item')} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="size">
            <Input placeholder={t('auxiliary.detail.size')} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="quantity">
            <InputNumber min={1} max={100} style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="issueDate" rules={[{ required: true }]}>
            <DatePicker placeholder={t('auxiliary.detail.issueDate')} />
          </Form.Item>
          <Form.Item name="nextDueDate">
            <DatePicker placeholder={t('auxiliary.detail.nextDue')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('auxiliary.detail.issue')}
          </Button>
        </Form>
      )}
    </Flex>
  );
}

/** One auxiliary officer: contracts, pay, uniforms and assessments, with the exit dialog. */
export function OfficerDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const exitLabel = (k: string) => {
    const kind = asExitKind(k);
    return kind ? t(`auxiliary.exit.kinds.${kind}`) : k;
  };
  const officer = useOfficer(id);
  const canWrite = usePermission('auxiliary:write');
  const [exiting, setExiting] = useState(false);
  const o = officer.data;
  const serving = o && (o.status === 'serving' || o.status === 'seconded');
  return (
    <Drawer
      open
      width={860}
      onClose={onClose}
      title={o ? `${t('auxiliary.detail.title')} — ${o.name}` : t('auxiliary.detail.title')}
      extra={
        canWrite && serving ? (
          <Button danger onClick={() => setExiting(true)}>
            {t('auxiliary.detail.exit')}
          </Button>
        ) : null
      }
    >
      {officer.isError && <QueryErrorAlert error={officer.error} onRetry={() => void officer.refetch()} />}
      {o && (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('auxiliary.officers.org')}>{o.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('auxiliary.officers.idNumber')}>{o.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label={t('auxiliary.officers.status')}>
              {t(`auxiliary.officers.personStatus.${o.status}`, { defaultValue: o.status })}
              {o.statusDate ? ` (${o.statusDate})` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('auxiliary.officers.category')}>{o.auxCategory}</Descriptions.Item>
            <Descriptions.Item label={t('auxiliary.officers.contractEnd')}>{o.contractEnd}</Descriptions.Item>
            {o.exits[0] && (
              <Descriptions.Item
                label={t('auxiliary.exit.reason')}
              >{`${exitLabel(o.exits[0].kind)}：${o.exits[0].reason}`}</Descriptions.Item>
            )}
          </Descriptions>
          <Tabs
            items={[
              { key: 'contracts', label: t('auxiliary.detail.contracts'), children: <ContractsTab officer={o} /> },
              { key: 'pay', label: t('auxiliary.detail.pay'), children: <PayTab officer={o} /> },
              { key: 'uniforms', label: t('auxiliary.detail.uniforms'), children: <UniformsTab officer={o} /> },
              {
                key: 'assessments',
                label: t('auxiliary.detail.assessments'),
                children: (
                  <Table
                    rowKey="monthId"
                    size="small"
                    pagination={false}
                    dataSource={o.assessments}
                    columns={[
                      { title: t('auxiliary.detail.month'), dataIndex: 'month' },
                      { title: t('auxiliary.officers.org'), dataIndex: 'orgName' },
                      {
                        title: t('auxiliary.detail.result'),
                        dataIndex: 'grade',
                        render: (g: AssessmentGrade | null) => (g ? t(`auxiliary.assessment.grades.${g}`) : ''),
                      },
                      { title: t('auxiliary.detail.amount'), dataIndex: 'amountFen', render: (v: number | null) => yuan(v) },
                    ]}
                  />
                ),
              },
            ]}
          />
        </Space>
      )}
      {exiting && o && <ExitModal personId={o.id} name={o.name} onClose={() => setExiting(false)} />}
    </Drawer>
  );
}
