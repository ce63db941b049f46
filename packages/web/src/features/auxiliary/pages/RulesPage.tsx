import { Alert, App, Button, Card, DatePicker, Flex, Input, InputNumber, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { toFen, useAddRuleVersion, useRule } from '../api';
import type { GradeTable, RuleValues, Settings, SocialInsurance } from '../types';

/** Rates are fractions on the wire and percentages on screen; rounding keeps 0.005 → 0.5 exact. */
const pct = (rate: number) => Math.round(rate * 100_000) / 1000;
const rate = (percent: number | null) => Math.round((percent ?? 0) * 1000) / 100_000;

/**
 * One rule set: the version in force, an editor for the next version and its effective date.
 * Rules are dated data; saving never changes a version, it adds one.
 */
function RuleCard<K extends keyof RuleValues>({
  path,
  title,
  permission,
  editor,
}: {
  path: K;
  title: string;
  permission: string;
  editor: (value: RuleValues[K], set: (v: RuleValues[K]) => void, disabled: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rule = useRule(path);
  const add = useAddRuleVersion(path);
  const showError = useErrorMessage();
  const may = usePermission(permission);
  const [value, setValue] = useState<RuleValues[K] | null>(null);
  const [from, setFrom] = useState<Dayjs>(dayjs().add(1, 'month').startOf('month'));
  const inForce = rule.data?.inForce;
  useEffect(() => {
    if (inForce) setValue(inForce.value);
  }, [inForce]);
  return (
    <Card
      size="small"
      title={title}
      extra={
        may && value ? (
          <Space>
            <DatePicker value={from} onChange={(d) => d && setFrom(d)} allowClear={false} aria-label={t('auxiliary.pay.effectiveFrom')} />
            <Button
              onClick={() =>
                add.mutate(
                  { effectiveFrom: from.format('YYYY-MM-DD'), value },
                  { onSuccess: () => void message.success(t('auxiliary.rules.saved')), onError: showError },
                )
              }
              loading={add.isPending}
            >
              {t('auxiliary.rules.saveVersion')}
            </Button>
          </Space>
        ) : null
      }
    >
      {inForce && (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            {t('auxiliary.rules.inForce', { from: inForce.effectiveFrom, jurisdiction: inForce.jurisdiction })}
          </Typography.Text>
          {inForce.id === null && <Alert type="warning" showIcon message={t('auxiliary.rules.isDefault')} />}
          {value && editor(value, setValue, !may)}
        </Flex>
      )}
    </Card>
  );
}

function GradeTableEditor({ value, set, disabled }: { value: GradeTable; set: (v: GradeTable) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const row = (i: number, change: Partial<GradeTable['grades'][number]>) =>
    set({ grades: value.grades.map((g, j) => (j === i ? { ...g, ...change } : g)) });
  return (
    <Table
      data-testid="aux-grade-table"
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={value.grades.map((g, i) => ({ ...g, i }))}
      columns={[
        {
          title: t('auxiliary.rules.label'),
          dataIndex: 'label',
          render: (v: string, g) => (
            <Input
              size="small"
              disabled={disabled}
              value={v}
              onChange={(e) => row(g.i, { label: e.target.value })}
              style={{ width: 120 }}
            />
          ),
        },
        {
          title: t('auxiliary.rules.minScore'),
          dataIndex: 'minScore',
          render: (v: number, g) => (
            <InputNumber size="small" disabled={disabled} min={0} max={1000} value={v} onChange={(n) => row(g.i, { minScore: n ?? 0 })} />
          ),
        },
        {
          title: t('auxiliary.rules.amount'),
          dataIndex: 'amountFen',
          render: (v: number, g) => (
            <InputNumber
              size="small"
              disabled={disabled}
              precision={2}
              value={v / 100}
              onChange={(n) => row(g.i, { amountFen: toFen(n) })}
            />
          ),
        },
      ]}
    />
  );
}

function InsuranceEditor({ value, set, disabled }: { value: SocialInsurance; set: (v: SocialInsurance) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const item = (i: number, change: Partial<SocialInsurance['items'][number]>) =>
    set({ ...value, items: value.items.map((x, j) => (j === i ? { ...x, ...change } : x)) });
  return (
    <Flex vertical gap={8}>
      <Space wrap>
        {t('auxiliary.rules.baseMin')}
        <InputNumber
          disabled={disabled}
          min={0}
          precision={2}
          value={value.baseMinFen / 100}
          onChange={(n) => set({ ...value, baseMinFen: toFen(n) })}
        />
        {t('auxiliary.rules.baseMax')}
        <InputNumber
          disabled={disabled}
          min={0}
          precision={2}
          value={value.baseMaxFen / 100}
          onChange={(n) => set({ ...value, baseMaxFen: toFen(n) })}
        />
      </Space>
      <Table
        rowKey="i"
        size="small"
        pagination={false}
        dataSource={value.items.map((x, i) => ({ ...x, i }))}
        columns={[
          {
            title: t('auxiliary.rules.item'),
            dataIndex: 'name',
            render: (v: string, x) => (
              <Input
                size="small"
                disabled={disabled}
                value={v}
                onChange={(e) => item(x.i, { name: e.target.value })}
                style={{ width: 140 }}
              />
            ),
          },
          {
            title: t('auxiliary.rules.employerRate'),
            dataIndex: 'employerRate',
            render: (v: number, x) => (
              <InputNumber
                size="small"
                disabled={disabled}
                min={0}
                max={100}
                step={0.1}
                value={pct(v)}
                onChange={(n) => item(x.i, { employerRate: rate(n) })}
              />
            ),
          },
          {
            title: t('auxiliary.rules.personalRate'),
            dataIndex: 'personalRate',
            render: (v: number, x) => (
              <InputNumber
                size="small"
                disabled={disabled}
                min={0}
                max={100}
                step={0.1}
                value={pct(v)}
                onChange={(n) => item(x.i, { personalRate: rate(n) })}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}

function SettingsEditor({ value, set, disabled }: { value: Settings; set: (v: Settings) => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {t('auxiliary.rules.reminderDays')}
      <InputNumber
        disabled={disabled}
        min={1}
        max={730}
        value={value.contractReminderDays}
        onChange={(n) => set({ ...value, contractReminderDays: n ?? 60 })}
      />
      {t('auxiliary.rules.firstYears')}
      <InputNumber
        disabled={disabled}
        min={1}
        max={10}
        value={value.firstContractYears}
        onChange={(n) => set({ ...value, firstContractYears: n ?? 3 })}
      />
      {t('auxiliary.rules.renewalYears')}
      <InputNumber
        disabled={disabled}
        min={1}
        max={10}
        value={value.renewalYears}
        onChange={(n) => set({ ...value, renewalYears: n ?? 1 })}
      />
    </Space>
  );
}

/** 规则设置: dated, jurisdiction-bound rule data, shipped as editable defaults. */
export function RulesPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <RuleCard
        path="grade-table"
        title={t('auxiliary.rules.gradeTable')}
        permission="auxiliary:assess"
        editor={(v, s, d) => <GradeTableEditor value={v} set={s} disabled={d} />}
      />
      <RuleCard
        path="social-insurance"
        title={t('auxiliary.rules.insurance')}
        permission="auxiliary:pay"
        editor={(v, s, d) => <InsuranceEditor value={v} set={s} disabled={d} />}
      />
      <RuleCard
        path="settings"
        title={t('auxiliary.rules.settings')}
        permission="auxiliary:write"
        editor={(v, s, d) => <SettingsEditor value={v} set={s} disabled={d} />}
      />
    </Flex>
  );
}
