import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Flex, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { previewPaper, qbKeys } from '../api';
import type { DrawnItem } from '../types';
import { AnswerView } from './AnswerView';

/** A sample draw of a saved paper, with keys, for the people composing it (not for examinees). */
export function PreviewDrawer({ paperId, open, onClose }: { paperId: string | undefined; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const draw = useQuery({
    queryKey: [...qbKeys.paper(paperId ?? ''), 'preview'],
    queryFn: () => previewPaper(paperId ?? ''),
    enabled: open && !!paperId,
    gcTime: 0,
    retry: false,
  });
  const paper = draw.data;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      title={t('questionBank.paper.previewTitle')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void draw.refetch()} loading={draw.isFetching} data-testid="paper-redraw">
          {t('questionBank.paper.redraw')}
        </Button>
      }
    >
      <div data-testid="paper-preview-drawer">
        {draw.isError && <Alert type="error" showIcon message={errorText(draw.error)} />}
        {draw.isPending && !draw.isError && <Spin />}
        {paper && (
          <Flex vertical gap={12}>
            <Flex justify="space-between" wrap="wrap">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {paper.title}
              </Typography.Title>
              <Typography.Text strong data-testid="paper-preview-total">
                {t('questionBank.paper.total')}：{paper.totalScore}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary">{t('questionBank.paper.previewSeed', { seed: paper.seed })}</Typography.Text>
            {paper.items.map((item) => (
              <PreviewItem key={item.no} item={item} />
            ))}
          </Flex>
        )}
      </div>
    </Drawer>
  );
}

/** Options are lettered by position, as the examinee sees them; the key names the bank's own option letters. */
const letter = (index: number) => String.fromCharCode(65 + index);

function PreviewItem({ item }: { item: DrawnItem }) {
  const { t } = useTranslation();
  const shownAs = new Map(item.options.map((o, i) => [o.key, letter(i)]));
  const choice = item.key.kind === 'choice' && (item.type === 'single' || item.type === 'multiple') ? item.key.correct : null;
  const seen = choice
    ? [...choice]
        .map((k) => shownAs.get(k) ?? k)
        .sort()
        .join('')
    : '';
  const original = choice ? [...choice].sort().join('') : '';
  return (
    <Card size="small" data-testid="paper-preview-item">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
        <Typography.Text strong>{item.no}. </Typography.Text>
        <Tag color="blue">{t(`questionBank.type.${item.type}`)}</Tag>
        <Tag>{t('questionBank.paper.itemsScore', { score: item.score })}</Tag>
        {item.stem}
      </Typography.Paragraph>
      {item.options.length > 0 && (
        <ul style={{ listStyle: 'none', paddingLeft: 8, marginBottom: 8 }}>
          {item.options.map((o, i) => (
            <li key={o.key}>
              {item.type === 'true_false' ? (
                t(`questionBank.trueFalse.${o.key === 'T' ? 'T' : 'F'}`)
              ) : (
                <>
                  <Typography.Text strong>{letter(i)}.</Typography.Text> {o.text}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary">{t('questionBank.paper.answer')}：</Typography.Text>
      {choice ? (
        <>
          <Typography.Text strong>{seen}</Typography.Text>
          {seen !== original && (
            <Typography.Text type="secondary">{t('questionBank.paper.answerOriginal', { keys: original })}</Typography.Text>
          )}
        </>
      ) : (
        <AnswerView type={item.type} answer={item.key} />
      )}
    </Card>
  );
}
