import { useQueries } from '@tanstack/react-query';
import { Badge, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api/client';
import { useAuth } from '../../shared/auth/useAuth';

/**
 * 待办: what is waiting for the signed-in user, one line per kind of work they may do, each
 * counted by the module's own list route (the same scope rules as the pages it links to).
 */
const WAITING_WORK = [
  // Every approval that runs through the workflow (corrections among them), in one count.
  { key: 'workflow', permission: 'workflow:self', path: '/api/v1/workflow/todo/counts', to: '/todo' },
  { key: 'grading', permission: 'exam:grade', path: '/api/v1/exams/grading/queue?pageSize=1', to: '/exams/grading' },
  { key: 'studyApprovals', permission: 'study:approve', path: '/api/v1/study/approvals?pageSize=1', to: '/study' },
  { key: 'contracts', permission: 'auxiliary:read', path: '/api/v1/auxiliary/contracts/reminders/count', to: '/auxiliary/reminders' },
  { key: 'partySteps', permission: 'party:read', path: '/api/v1/party/pipeline/due/count', to: '/party/members' },
] as const;

type Counted = unknown[] | { total?: number; count?: number; pending?: number };
const countOf = (body: Counted | undefined): number | undefined =>
  body === undefined ? undefined : Array.isArray(body) ? body.length : (body.total ?? body.count ?? body.pending);

export function TodoCard() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const mine = WAITING_WORK.filter((work) => me?.permissions.includes(work.permission));
  const results = useQueries({
    queries: mine.map((work) => ({
      queryKey: ['home', 'waiting', work.key],
      queryFn: () => api.get<Counted>(work.path),
      staleTime: 30_000,
    })),
  });
  if (mine.length === 0) return null;
  return (
    <Card title={t('home.todo.title')} size="small" data-testid="todo-card">
      <List
        dataSource={mine.map((work, i) => ({ ...work, count: countOf(results[i]?.data) }))}
        renderItem={(item) => (
          <List.Item extra={<Badge count={item.count ?? 0} showZero color={item.count ? '#fa541c' : '#d9d9d9'} overflowCount={999} />}>
            <Link to={item.to}>{t(`home.todo.${item.key}`)}</Link>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">{t('home.todo.hint')}</Typography.Text>
    </Card>
  );
}
