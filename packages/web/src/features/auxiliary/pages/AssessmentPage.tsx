import { CheckCircleOutlined, DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  InputNumber,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { formatDateTime } from '../../../shared/utils/format';
import {
  downloadGradeTemplate,
  downloadPayoutSheet,
  toFen,
  useImportGrades,
  useConfirmMonth,
  useMonth,
  useMonths,
  useOpenMonth,
  useSaveEntries,
  useSetFund,
  yuan,
} from '../api';
import type { AssessmentGrade, GridRow, MonthGrid } from '../types';

type Edits = Record<string, { grade: AssessmentGrade | null; score: number | null }>;

/** The fund bar: rewards drawn against the unit's monthly fund; red when over. */
function FundBar({ grid }: { grid: MonthGrid }) {
  const { t } = useTranslation();
  const f = grid.fund;
  const percent = f.fundFen === 0 ? (f.drawnFen > 0 ? 100 : 0) : Math.round((f.drawnFen / f.fundFen) * 1000) / 10;
  return (
    <Flex vertical gap={4} data-testid="aux-fund-bar">
      <Flex justify="space-between">
        <Typography.Text strong>{t('auxiliary.assessment.fundUse')}</Typography.Text>
        <Typography.Text>{t('auxiliary.assessment.drawn', { drawn: yuan(f.drawnFen), fund: yuan(f.fundFen) })}</Typography.Text>
      </Flex>
      <Progress
        percent={Math.min(percent, 100)}
        status={f.fits ? (grid.status === 'confirmed' ? 'success' : 'active') : 'exception'}
        format={() => `${percent}%`}
      />
      {!f.fits && <Alert type="error" showIcon message={t('auxiliary.assessment.over', { over: yuan(f.overFen) })} />}
      {f.deductedFen > 0 && (
        <Typography.Text type="secondary">{t('auxiliary.assessment.deducted', { amount: yuan(f.deductedFen) })}</Typography.Text>
      )}
    </Flex>
  );
}

function Grid({ grid }: { grid: MonthGrid }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canAssess = usePermission('auxiliary:assess');
  const showError = useErrorMessage();
  const save = useSaveEntries();
  const confirm = useConfirmMonth();
  const setFund = useSetFund();
  const importGrades = useImportGrades();
  const [edits, setEdits] = useState<Edits>({});
  const [fund, setFundValue] = useState<number | null>(grid.fundFen / 100);
  useEffect(() => setFundValue(grid.fundFen / 100), [grid.fundFen]);
  const locked = grid.status === 'confirmed' || !canAssess;
  const labels = useMemo(() => new Map(grid.gradeTable.value.grades.map((g) => [g.code, g])), [grid.gradeTable]);
  const dirty = Object.keys(edits).length > 0;

  const update = (row: GridRow, change: Partial<Edits[string]>) =>
    setEdits((prev) => ({
      ...prev,
      [row.personId]: { grade: row.gradeEntered ? row.grade : null, score: row.score, ...prev[row.personId], ...change },
    }));
  const onSave = () =>
    save.mutate(
      { id: grid.id, entries: Object.entries(edits).map(([personId, e]) => ({ personId, grade: e.grade, score: e.score })) },
      {
        onSuccess: () => {
          setEdits({});
          void message.success(t('auxiliary.assessment.saved'));
        },
        onError: showError,
      },
    );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Text strong>{`${grid.orgName} · ${grid.month}`}</Typography.Text>
          <Tag color={grid.status === 'confirmed' ? 'green' : 'blue'}>{t(`auxiliary.assessment.${grid.status}`)}</Tag>
          {grid.confirmedByName && (
            <Typography.Text type="secondary">
              {t('auxiliary.assessment.confirmedBy', { name: grid.confirmedByName, time: formatDateTime(grid.confirmedAt) })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {grid.gradeTable.versionId === null
              ? t('auxiliary.assessment.tableDefault')
              : t('auxiliary.assessment.table', { from: grid.gradeTable.effectiveFrom })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {!locked && (
            <>
              {t('auxiliary.assessment.fund')}
              <InputNumber
                min={0}
                precision={2}
                value={fund}
                onChange={setFundValue}
                style={{ width: 140 }}
                aria-label={t('auxiliary.assessment.fund')}
              />
              <Button
                onClick={() => setFund.mutate({ id: grid.id, fundFen: toFen(fund) }, { onError: showError })}
                loading={setFund.isPending}
              >
                {t('auxiliary.assessment.saveFund')}
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => void downloadGradeTemplate(grid.id, grid.month).catch(showError)}>
                {t('auxiliary.assessment.template')}
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  importGrades.mutate(
                    { id: grid.id, file },
                    {
                      onSuccess: () => {
                        setEdits({});
                        void message.success(t('auxiliary.assessment.imported'));
                      },
                      onError: showError,
                    },
                  );
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={importGrades.isPending}>
                  {t('auxiliary.assessment.import')}
                </Button>
              </Upload>
              <Button icon={<SaveOutlined />} type="primary" disabled={!dirty} onClick={onSave} loading={save.isPending}>
                {t('auxiliary.assessment.save')}
              </Button>
              <Popconfirm
                title={t('auxiliary.assessment.confirmTitle')}
                onConfirm={() => confirm.mutate(grid.id, { onError: showError })}
                disabled={dirty}
              >
                <Button icon={<CheckCircleOutlined />} disabled={dirty} loading={confirm.isPending}>
                  {t('auxiliary.assessment.confirm')}
                </Button>
              </Popconfirm>
            </>
          )}
          {grid.status === 'confirmed' && canAssess && (
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              onClick={() => void downloadPayoutSheet(grid.id, grid.month).catch(showError)}
            >
              {t('auxiliary.assessment.export')}
            </Button>
          )}
        </Space>
      </Flex>
      <FundBar grid={grid} />
      {grid.missing > 0 && <Typography.Text type="warning">{t('auxiliary.assessment.missing', { n: grid.missing })}</Typography.Text>}
      <Table<GridRow>
        data-testid="aux-grid"
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={grid.rows}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              <Typography.Text strong>{t('common.total', { total: grid.rows.length })}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Typography.Text strong>{yuan(grid.fund.netFen)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        columns={[
          { title: t('auxiliary.officers.name'), dataIndex: 'name' },
          { title: t('auxiliary.officers.org'), dataIndex: 'orgName' },
          { title: t('auxiliary.assessment.payGrade'), dataIndex: 'payGrade' },
          {
            title: t('auxiliary.assessment.grade'),
            dataIndex: 'grade',
            width: 170,
            render: (g: AssessmentGrade | null, row) => {
              const e = edits[row.personId];
              const value = e ? e.grade : row.gradeEntered ? g : null;
              if (locked) return g ? labels.get(g)?.label : '';
              return (
                <Select
                  allowClear
                  size="small"
                  style={{ width: 150 }}
                  aria-label={`${row.name} ${t('auxiliary.assessment.grade')}`}
                  value={value ?? undefined}
                  placeholder={!value && g ? `${labels.get(g)?.label}（${t('auxiliary.assessment.fromScore')}）` : undefined}
                  onChange={(next: AssessmentGrade | undefined) => update(row, { grade: next ?? null })}
                  options={grid.gradeTable.value.grades.map((x) => ({ value: x.code, label: x.label }))}
                />
              );
            },
          },
          {
            title: t('auxiliary.assessment.score'),
            dataIndex: 'score',
            width: 110,
            render: (s: number | null, row) =>
              locked ? (
                s
              ) : (
                <InputNumber
                  size="small"
                  min={0}
                  max={1000}
                  value={edits[row.personId]?.score ?? s}
                  onChange={(v) => update(row, { score: v })}
                  style={{ width: 90 }}
                />
              ),
          },
          {
            title: t('auxiliary.assessment.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (a: number | null) => <Typography.Text type={a !== null && a < 0 ? 'danger' : undefined}>{yuan(a)}</Typography.Text>,
          },
        ]}
      />
    </Flex>
  );
}

/** 月度考核: per unit and month, grades entered in a grid, the fund checked, confirmed and paid out. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const months = useMonths(month, orgId);
  const current = months.data?.find((m) => m.orgId === orgId);
  const grid = useMonth(current?.id);
  const canAssess = usePermission('auxiliary:assess');
  const open = useOpenMonth();
  const showError = useErrorMessage();
  const [fund, setFund] = useState<number | null>(null);
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v) p.set(k, v);
      else p.delete(k);
    setParams(p, { replace: true });
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        {t('auxiliary.assessment.unit')}
        <OrgTreeSelect value={orgId} onChange={(v) => set({ orgId: v })} style={{ width: 260 }} />
        {t('auxiliary.assessment.month')}
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => set({ month: d ? d.format('YYYY-MM') : undefined })}
        />
      </Flex>
      {(months.isError || grid.isError) && <QueryErrorAlert error={months.error ?? grid.error} onRetry={() => void months.refetch()} />}
      {orgId && months.isSuccess && !current && (
        <Card size="small">
          <Empty description={t('auxiliary.assessment.notOpened')}>
            {canAssess && (
              <Space>
                {t('auxiliary.assessment.fund')}
                <InputNumber
                  min={0}
                  precision={2}
                  value={fund}
                  onChange={setFund}
                  style={{ width: 160 }}
                  aria-label={t('auxiliary.assessment.fund')}
                />
                <Button
                  type="primary"
                  loading={open.isPending}
                  onClick={() => open.mutate({ orgId, month, fundFen: toFen(fund) }, { onError: showError })}
                >
                  {t('auxiliary.assessment.open')}
                </Button>
              </Space>
            )}
          </Empty>
        </Card>
      )}
      {grid.data && <Grid key={grid.data.id} grid={grid.data} />}
    </Flex>
  );
}
