import { Alert, App, Button, Card, DatePicker, Flex, InputNumber, Popconfirm, Radio, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { formatDateTime } from '../../../shared/utils/format';
import { previewAdjustment, useAddRuleVersion, useAdjustments, useApplyAdjustment, useRule, yuan } from '../api';
import { PayScaleEditor } from '../components/PayScaleEditor';
import type { AdjustmentPreview, AdjustmentRequest, PayChange, PayScale } from '../types';

/** 薪级与调整: the dated pay scale, and bulk adjustments shown as a preview before they take effect. */
export function PayPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canPay = usePermission('auxiliary:pay');
  const showError = useErrorMessage();
  const scaleRule = useRule('pay-scale');
  const saveScale = useAddRuleVersion('pay-scale');
  const adjustments = useAdjustments();
  const apply = useApplyAdjustment();
  const [scale, setScale] = useState<PayScale | null>(null);
  const [scaleFrom, setScaleFrom] = useState<Dayjs>(dayjs().add(1, 'month').startOf('month'));
  const [orgId, setOrgId] = useState<string | undefined>();
  const [grades, setGrades] = useState<string[]>([]);
  const [kind, setKind] = useState<PayChange['kind']>('percent');
  const [percent, setPercent] = useState<number | null>(5);
  const [toGrade, setToGrade] = useState<string | undefined>();
  const [effective, setEffective] = useState<Dayjs>(dayjs().add(1, 'month').startOf('month'));
  const [preview, setPreview] = useState<{ req: AdjustmentRequest; data: AdjustmentPreview } | null>(null);
  const [loading, setLoading] = useState(false);

  const inForce = scaleRule.data?.inForce;
  useEffect(() => {
    if (inForce && scale === null) setScale(inForce.value);
  }, [inForce, scale]);
  const gradeOptions = (inForce?.value.grades ?? []).map((g) => ({ value: g.code, label: g.code }));

  const request = (): AdjustmentRequest | null => {
    const filter = { ...(orgId ? { orgId } : {}), ...(grades.length ? { grades } : {}) };
    const date = effective.format('YYYY-MM-DD');
    if (kind === 'percent') return percent === null ? null : { effectiveDate: date, filter, change: { kind, percent } };
    if (kind === 'grade') return toGrade ? { effectiveDate: date, filter, change: { kind, grade: toGrade } } : null;
    return scale ? { effectiveDate: date, filter, change: { kind, scale } } : null;
  };
  const onPreview = async () => {
    const req = request();
    if (!req) return;
    setLoading(true);
    try {
      setPreview({ req, data: await previewAdjustment(req) });
    } catch (e) {
      showError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={inForce ? t('auxiliary.pay.scaleTitle', { from: inForce.effectiveFrom }) : ''}
        extra={
          canPay && scale ? (
            <Space>
              {t('auxiliary.pay.effectiveFrom')}
              <DatePicker value={scaleFrom} onChange={(d) => d && setScaleFrom(d)} allowClear={false} />
              <Button
                onClick={() =>
                  saveScale.mutate(
                    { effectiveFrom: scaleFrom.format('YYYY-MM-DD'), value: scale },
                    { onSuccess: () => void message.success(t('auxiliary.rules.saved')), onError: showError },
                  )
                }
                loading={saveScale.isPending}
              >
                {t('auxiliary.pay.saveScale')}
              </Button>
            </Space>
          ) : null
        }
      >
        {inForce?.id === null && <Alert type="warning" showIcon message={t('auxiliary.pay.defaultVersion')} style={{ marginBottom: 8 }} />}
        {scale && <PayScaleEditor value={scale} onChange={setScale} disabled={!canPay} />}
      </Card>

      {canPay && (
        <Card size="small" title={t('auxiliary.pay.bulkTitle')}>
          <Flex vertical gap={12}>
            <Flex gap={8} wrap align="center">
              {t('auxiliary.pay.filterOrg')}
              <OrgTreeSelect allowClear value={orgId} onChange={setOrgId} style={{ width: 220 }} />
              {t('auxiliary.pay.filterGrades')}
              <Select mode="multiple" allowClear style={{ minWidth: 160 }} value={grades} onChange={setGrades} options={gradeOptions} />
              {t('auxiliary.detail.effective')}
              <DatePicker value={effective} onChange={(d) => d && setEffective(d)} allowClear={false} />
            </Flex>
            <Flex gap={8} wrap align="center">
              {t('auxiliary.pay.changeKind')}
              <Radio.Group
                value={kind}
                onChange={(e) => setKind(e.target.value as PayChange['kind'])}
                options={(['percent', 'grade', 'scale'] as const).map((k) => ({ value: k, label: t(`auxiliary.pay.kinds.${k}`) }))}
              />
              {kind === 'percent' && (
                <InputNumber
                  value={percent}
                  onChange={setPercent}
                  min={-50}
                  max={100}
                  addonAfter="%"
                  style={{ width: 120 }}
                  aria-label={t('auxiliary.pay.percent')}
                />
              )}
              {kind === 'grade' && (
                <Select
                  value={toGrade}
                  onChange={setToGrade}
                  options={gradeOptions}
                  style={{ width: 120 }}
                  placeholder={t('auxiliary.pay.toGrade')}
                />
              )}
              <Button type="primary" ghost onClick={() => void onPreview()} loading={loading}>
                {t('auxiliary.pay.preview')}
              </Button>
            </Flex>
            {preview && (
              <>
                <Alert
                  type="info"
                  showIcon
                  message={t('auxiliary.pay.totals', {
                    n: preview.data.totals.people,
                    before: yuan(preview.data.totals.beforeFen),
                    after: yuan(preview.data.totals.afterFen),
                    costBefore: yuan(preview.data.totals.employerCostBeforeFen),
                    costAfter: yuan(preview.data.totals.employerCostAfterFen),
                  })}
                  action={
                    <Popconfirm
                      title={t('auxiliary.pay.applyTitle', {
                        n: preview.data.totals.people,
                        date: preview.req.effectiveDate,
                        before: yuan(preview.data.totals.beforeFen),
                        after: yuan(preview.data.totals.afterFen),
                      })}
                      onConfirm={() =>
                        apply.mutate(
                          { ...preview.req, expectedAfterTotalFen: preview.data.totals.afterFen },
                          {
                            onSuccess: () => {
                              setPreview(null);
                              void message.success(t('auxiliary.pay.applied'));
                            },
                            onError: showError,
                          },
                        )
                      }
                    >
                      <Button type="primary" loading={apply.isPending} disabled={preview.data.totals.people === 0}>
                        {t('auxiliary.pay.apply')}
                      </Button>
                    </Popconfirm>
                  }
                />
                <Table
                  data-testid="aux-adjust-preview"
                  rowKey="personId"
                  size="small"
                  pagination={{ pageSize: 10 }}
                  dataSource={preview.data.rows}
                  columns={[
                    { title: t('auxiliary.officers.name'), dataIndex: 'name' },
                    { title: t('auxiliary.officers.org'), dataIndex: 'orgName' },
                    { title: `${t('auxiliary.pay.code')}（${t('auxiliary.pay.before')}）`, dataIndex: 'gradeBefore' },
                    { title: `${t('auxiliary.pay.code')}（${t('auxiliary.pay.after')}）`, dataIndex: 'gradeAfter' },
                    {
                      title: `${t('auxiliary.detail.gross')}（${t('auxiliary.pay.before')}）`,
                      dataIndex: 'grossBeforeFen',
                      align: 'right',
                      render: (v: number) => yuan(v),
                    },
                    {
                      title: `${t('auxiliary.detail.gross')}（${t('auxiliary.pay.after')}）`,
                      dataIndex: 'grossAfterFen',
                      align: 'right',
                      render: (v: number) => yuan(v),
                    },
                    {
                      title: t('auxiliary.pay.diff'),
                      align: 'right',
                      render: (_: unknown, r: AdjustmentPreview['rows'][number]) => {
                        const d = r.grossAfterFen - r.grossBeforeFen;
                        return (
                          <Typography.Text
                            type={d > 0 ? 'success' : d < 0 ? 'danger' : undefined}
                          >{`${d > 0 ? '+' : ''}${yuan(d)}`}</Typography.Text>
                        );
                      },
                    },
                  ]}
                />
              </>
            )}
          </Flex>
        </Card>
      )}

      {canPay && (
        <Card size="small" title={t('auxiliary.pay.history')}>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 5 }}
            dataSource={adjustments.data}
            columns={[
              { title: t('auxiliary.pay.changeKind'), dataIndex: 'kind', render: (k: PayChange['kind']) => t(`auxiliary.pay.kinds.${k}`) },
              { title: t('auxiliary.detail.effective'), dataIndex: 'effectiveDate' },
              { title: t('auxiliary.pay.people'), dataIndex: 'people' },
              { title: t('auxiliary.pay.before'), dataIndex: 'beforeFen', align: 'right', render: (v: number) => yuan(v) },
              { title: t('auxiliary.pay.after'), dataIndex: 'afterFen', align: 'right', render: (v: number) => yuan(v) },
              { title: t('auxiliary.pay.by'), dataIndex: 'createdByName' },
              { title: '', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
