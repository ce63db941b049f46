import { Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useOrgTree } from '../../../shared/orgs/org-tree-api';
import { hasKey } from '../../../shared/utils/has-key';
import { useStats, type Bucket, type StatsQuery } from '../api';
import { StatsChart, type ChartDatum } from '../components/StatsChart';
import { StatsToolbar } from '../components/StatsToolbar';
import { useDictNames, type StatsDict } from '../dict-names';
import { statsZhCN } from '../locales';
import { shortUnitNames } from '../../../shared/utils/unit-names';
import { orgPath } from '../org-path';
import { personnelLink, personnelListLink, type Breakdown } from '../stats-links';

function queryOf(params: URLSearchParams): StatsQuery {
  const kind = params.get('kind');
  const asOf = params.get('asOf');
  return {
    orgId: params.get('orgId') || undefined,
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined,
    kind: kind === 'officer' || kind === 'auxiliary' ? kind : undefined,
  };
}

function toParams(query: StatsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return params;
}

/** 统计分析: headcount breakdowns; a unit bar drills down, any other element opens the matching list. */
export function StatsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const query = useMemo(() => queryOf(new URLSearchParams(search)), [search]);
  const stats = useStats(query);
  const dictName = useDictNames();
  const setQuery = useCallback((next: StatsQuery) => setSearchParams(toParams(next)), [setSearchParams]);

  const data = stats.data;
  const tree = useOrgTree(false);
  const path = query.orgId ? orgPath(tree.data ?? [], query.orgId) : [];
  const parentName = path[path.length - 1]?.name;
  const unitNames = shortUnitNames(data?.byUnit.map((unit) => unit.orgName) ?? [], parentName);
  /** Grades read top-down: highest rank first (police_rank codes run low → high, ZB09 levels high → low). */
  const ordered = (rows: readonly Bucket[], highFirst: 'desc' | 'asc') =>
    [...rows].sort((a, b) =>
      a.key === null ? 1 : b.key === null ? -1 : (Number(a.key) - Number(b.key)) * (highFirst === 'desc' ? -1 : 1),
    );
  const buckets = useCallback(
    (rows: readonly Bucket[], name: (key: string) => string): ChartDatum[] =>
      rows.map((row) => ({ key: row.key, name: row.key === null ? t('stats.unknown') : name(row.key), value: row.count })),
    [t],
  );
  const byDict = (rows: readonly Bucket[] | undefined, dict: StatsDict) => buckets(rows ?? [], (key) => dictName(dict, key));
  const open = (breakdown: Breakdown) => (datum: ChartDatum) => {
    if (datum.key !== null) navigate(personnelLink(query, breakdown, datum.key));
  };
  const kindCount = (kind: string) => data?.byKind.find((row) => row.key === kind)?.count ?? 0;
  // Bands in age order, whatever order the counts came in.
  const ages = Object.keys(statsZhCN.ageBands).flatMap((band) => data?.byAge.filter((row) => row.key === band) ?? []);
  const unknownAge = data?.byAge.filter((row) => row.key === null) ?? [];
  const hint = t('stats.clickHint');

  if (stats.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('stats.title')}>
        <StatsToolbar query={query} onChange={setQuery} onViewList={() => navigate(personnelListLink(query))} />
      </Card>
      {stats.isError && <QueryErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />}
      {data && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="stats-total" hoverable onClick={() => navigate(personnelListLink(query))}>
                <Statistic title={t('stats.total')} value={data.total} />
                <Typography.Text type="secondary">{t('stats.asOfValue', { date: data.asOf })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card size="small" hoverable onClick={() => navigate(personnelLink(query, 'kind', 'officer'))}>
                <Statistic title={t('stats.officers')} value={kindCount('officer')} />
                <Typography.Text type="secondary">{hint}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card size="small" hoverable onClick={() => navigate(personnelLink(query, 'kind', 'auxiliary'))}>
                <Statistic title={t('stats.auxiliaries')} value={kindCount('auxiliary')} />
                <Typography.Text type="secondary">{hint}</Typography.Text>
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={16}>
              <StatsChart
                title={t('stats.byUnit')}
                hint={t('stats.drillHint')}
                type="bar"
                testId="stats-by-unit"
                data={data.byUnit.map((unit, index) => ({
                  key: unit.orgId,
                  name: unit.orgName,
                  label: unitNames[index],
                  value: unit.count,
                }))}
                onSelect={(datum) => datum.key && setQuery({ ...query, orgId: datum.key })}
              />
            </Col>
            <Col xs={24} xl={8}>
              <StatsChart title={t('stats.bySex')} hint={hint} type="pie" data={byDict(data.bySex, 'sex')} onSelect={open('sex')} />
            </Col>
            <Col xs={24} xl={12}>
              <StatsChart
                title={t('stats.byRank')}
                hint={hint}
                type="hbar"
                data={byDict(ordered(data.byRank, 'desc'), 'police_rank')}
                onSelect={open('rank')}
              />
            </Col>
            <Col xs={24} xl={12}>
              <StatsChart
                title={t('stats.byLevel')}
                hint={hint}
                type="hbar"
                data={byDict(ordered(data.byLevel, 'asc'), 'police_officer_level')}
                onSelect={open('level')}
              />
            </Col>
            <Col xs={24} xl={8}>
              <StatsChart
                title={t('stats.byAge')}
                hint={hint}
                type="bar"
                data={buckets([...ages, ...unknownAge], (band) => (hasKey(statsZhCN.ageBands, band) ? t(`stats.ageBands.${band}`) : band))}
                onSelect={open('age')}
              />
            </Col>
            <Col xs={24} xl={8}>
              <StatsChart
                title={t('stats.byEducation')}
                hint={hint}
                type="pie"
                data={byDict(data.byEducation, 'education')}
                onSelect={open('education')}
              />
            </Col>
            <Col xs={24} xl={8}>
              <StatsChart
                title={t('stats.byPolitical')}
                hint={hint}
                type="pie"
                data={byDict(data.byPolitical, 'political_status')}
                onSelect={open('political')}
              />
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
