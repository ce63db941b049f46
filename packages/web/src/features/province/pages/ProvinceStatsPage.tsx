import { DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Empty, Flex, InputNumber, Row, Skeleton, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { saveBlob } from '../../../shared/api/download';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useProvinceStats, type ProvinceStatsRow } from '../api';
import { StrengthChart } from '../components/StrengthChart';

const COUNTS = [
  'officers',
  'auxiliaries',
  'women',
  'under35',
  'from35to49',
  'over50',
  'partyMembers',
  'trainedThisYear',
  'examsTakenThisYear',
  'awardsThisYear',
  'disciplineThisYear',
  'recruitApplicationsThisYear',
] as const;
const STALE_SECONDS = 300;

/** CSV with a BOM so that Excel opens the Chinese headers correctly. */
function toCsv(header: string[], rows: (string | number | null)[][]): Blob {
  const cell = (v: string | number | null) =>
    v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return new Blob([`\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

/** 全省统计: one row per city (with its replication lag), drilling down into a city's branches. */
export function ProvinceStatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cityCode = /^\d{6}$/.test(params.get('city') ?? '') ? (params.get('city') as string) : undefined;
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : undefined;
  const stats = useProvinceStats({ cityCode, year });
  const data = stats.data;
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const provinceLevel = data?.level !== 'city';
  const go = (next: { city?: string | undefined; year?: number | undefined }) => {
    const p = new URLSearchParams();
    if (next.city) p.set('city', next.city);
    if (next.year) p.set('year', String(next.year));
    setParams(p);
  };
  const drill = provinceLevel ? (row: ProvinceStatsRow) => go({ city: row.key, year }) : undefined;
  const sum = (key: (typeof COUNTS)[number]) => rows.reduce((s, r) => s + r[key], 0);

  const columns: ColumnsType<ProvinceStatsRow> = [
    {
      title: t('province.columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 150,
      render: (name: string, row) => (drill ? <Typography.Link onClick={() => drill(row)}>{name}</Typography.Link> : name),
    },
    ...COUNTS.map((key) => ({
      title: t(`province.columns.${key}`),
      dataIndex: key,
      align: 'right' as const,
      width: 96,
      sorter: (a: ProvinceStatsRow, b: ProvinceStatsRow) => a[key] - b[key],
    })),
    ...(provinceLevel
      ? [
          {
            title: <Tooltip title={t('province.lagHelp')}>{t('province.columns.lagSeconds')}</Tooltip>,
            dataIndex: 'lagSeconds',
            align: 'right' as const,
            width: 120,
            render: (lag: number | null) =>
              lag === null ? (
                '–'
              ) : lag > STALE_SECONDS ? (
                <Tag color="error">{`${t('province.stale')} ${Math.round(lag)}`}</Tag>
              ) : (
                lag.toFixed(1)
              ),
          },
        ]
      : []),
  ];

  const exportCsv = () => {
    const header = [t('province.columns.name'), ...COUNTS.map((k) => t(`province.columns.${k}`))];
    saveBlob(
      toCsv(
        header,
        rows.map((r) => [r.name, ...COUNTS.map((k) => r[k])]),
      ),
      `${data?.cityName ?? t('province.title')}-${data?.year ?? ''}.csv`,
    );
  };

  return (
    <Flex vertical gap={16} data-testid="province-stats-page">
      <Flex wrap justify="space-between" align="center" gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('province.title')}
          </Typography.Title>
          <Breadcrumb
            items={[
              {
                title: cityCode ? (
                  <Typography.Link onClick={() => go({ year })}>{t('province.province')}</Typography.Link>
                ) : (
                  t('province.province')
                ),
              },
              ...(data?.cityName ? [{ title: data.cityName }] : []),
            ]}
          />
        </div>
        <Flex gap={8} align="center" wrap>
          <InputNumber
            aria-label={t('province.year')}
            addonBefore={t('province.year')}
            min={2000}
            max={2100}
            value={data?.year ?? year}
            onChange={(v) => go({ city: cityCode, year: typeof v === 'number' ? v : undefined })}
            style={{ width: 150 }}
          />
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={rows.length === 0}>
            {t('province.export')}
          </Button>
        </Flex>
      </Flex>
      <QueryErrorAlert error={stats.error} />
      {!data ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Card>
          <Empty description={t('province.empty')} />
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {(
              [
                ['officers', sum('officers')],
                ['auxiliaries', sum('auxiliaries')],
                ['trained', sum('trainedThisYear')],
                ['awards', sum('awardsThisYear')],
                ['discipline', sum('disciplineThisYear')],
              ] as const
            ).map(([key, value]) => (
              <Col xs={12} sm={8} md={4} key={key}>
                <Card size="small">
                  <Statistic title={t(`province.cards.${key}`)} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <StrengthChart
            title={provinceLevel ? t('province.byCity') : t('province.byBranch')}
            hint={drill ? t('province.drillHint') : undefined}
            rows={rows}
            labels={{ officers: t('province.columns.officers'), auxiliaries: t('province.columns.auxiliaries') }}
            onSelect={drill}
          />
          <Table<ProvinceStatsRow>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1500 }}
            data-testid="province-stats-table"
          />
          <Typography.Text type="secondary">
            {t('province.generatedAt', { time: new Date(data.generatedAt).toLocaleString() })}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}
