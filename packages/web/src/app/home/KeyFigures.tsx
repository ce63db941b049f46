import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api/client';
import { countOf, type DeskFigure } from './desk-figures';

/** The desk's key figures, each a card that opens the list it counts. */
export function KeyFigures({ figures }: { figures: readonly DeskFigure[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const results = useQueries({
    queries: figures.map((f) => ({
      queryKey: ['home', 'figure', f.path, f.query ?? {}],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Parameters<typeof countOf>[0]>(f.path, f.query, signal),
      staleTime: 30_000,
    })),
  });
  if (figures.length === 0) return null;
  return (
    <Row gutter={[12, 12]} data-testid="key-figures">
      {figures.map((f, i) => {
        const value = countOf(results[i]?.data);
        return (
          <Col key={`${f.key}-${f.to}`} xs={12} md={8} xl={Math.max(4, Math.floor(24 / figures.length))}>
            <Card hoverable size="small" onClick={() => navigate(f.to)} data-testid={`figure-${f.key}`}>
              {value === undefined ? (
                <Skeleton active paragraph={false} />
              ) : (
                <Statistic
                  title={t(`home.figures.${f.key}`)}
                  value={value}
                  valueStyle={f.tone === 'warning' && value > 0 ? { color: '#fa541c' } : undefined}
                />
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
