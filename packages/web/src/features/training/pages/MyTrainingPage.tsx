import { Alert, Card, Empty, Flex, List, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { FullPageSpin } from '../../../shared/components/FullPageSpin';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useMyStudy, useMyTraining } from '../api';
import { MyClassCard } from '../components/MyClassCard';
import { MyStudyPanel } from '../components/MyStudyPanel';

/** 我的学习培训 (every user, phone-first): my classes with sign-in and evaluation, my study hours. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const training = useMyTraining();
  const study = useMyStudy();
  if (training.isError && isApiError(training.error) && training.error.code === 'PERSON_NOT_LINKED')
    return <Alert type="info" showIcon message={t('training.my.notLinked')} />;
  if (training.isError) return <QueryErrorAlert error={training.error} onRetry={() => void training.refetch()} />;
  if (!training.data) return <FullPageSpin />;
  const mine = training.data;
  return (
    <Card title={t('training.my.title')} styles={{ body: { padding: 12 } }}>
      <Tabs
        items={[
          {
            key: 'classes',
            label: t('training.my.classes'),
            children: (
              <Flex vertical gap={12}>
                {mine.classes.length === 0 && <Empty description={t('training.my.noClasses')} />}
                {mine.classes.map((c) => (
                  <MyClassCard key={c.id} c={c} />
                ))}
                {mine.trainingRecords.length > 0 && (
                  <Card size="small" title={t('training.my.trainingRecords')}>
                    <List
                      dataSource={mine.trainingRecords}
                      renderItem={(r) => (
                        <List.Item extra={<Typography.Text strong>{r.hours} h</Typography.Text>}>
                          <List.Item.Meta title={r.course} description={`${r.date}${r.organizer ? ` · ${r.organizer}` : ''}`} />
                        </List.Item>
                      )}
                    />
                  </Card>
                )}
              </Flex>
            ),
          },
          {
            key: 'study',
            label: t('training.my.study'),
            children: study.isError ? (
              <QueryErrorAlert error={study.error} onRetry={() => void study.refetch()} />
            ) : study.data ? (
              <MyStudyPanel study={study.data} />
            ) : (
              <FullPageSpin />
            ),
          },
        ]}
      />
    </Card>
  );
}
