import { Card, Col, Empty, List, Rate, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useEvaluations } from '../api';

/** Anonymous evaluation summary: averages per aspect and the comments, never who wrote what. */
export function EvaluationPanel({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const summary = useEvaluations(classId);
  if (summary.isError) return <QueryErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  if (!s) return null;
  if (s.count === 0) return <Empty description={t('training.evaluation.none')} />;
  const aspects = ['content', 'teaching', 'organisation'] as const;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('training.evaluation.count', { count: s.count })}</Typography.Paragraph>
      <Row gutter={16}>
        {aspects.map((k) => (
          <Col key={k} xs={24} sm={8}>
            <Card size="small">
              <Statistic title={t(`training.evaluation.${k}`)} value={s[k] ?? 0} precision={1} suffix="/ 5" />
              <Rate disabled allowHalf value={Math.round((s[k] ?? 0) * 2) / 2} />
            </Card>
          </Col>
        ))}
      </Row>
      <List
        header={t('training.evaluation.comments')}
        dataSource={s.comments}
        renderItem={(c) => <List.Item>{c}</List.Item>}
        style={{ marginTop: 16 }}
      />
    </>
  );
}
