import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Statistic, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { FullPageSpin } from '../../../shared/components/FullPageSpin';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAddLecture, useAddLectureReview, useInstructor, type Lecture, type Review } from '../api';

/** One instructor: appointment, lectures with their reviews, the average score; record and review lectures. */
export function InstructorDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const instructor = useInstructor(id);
  const canWrite = usePermission('talent:write');
  const addLecture = useAddLecture(id);
  const addReview = useAddLectureReview(id);
  const showError = useErrorMessage();
  const [lectureOpen, setLectureOpen] = useState(false);
  const [reviewing, setReviewing] = useState<Lecture | null>(null);
  const [lectureForm] = Form.useForm<{ date: Dayjs; title: string; subject?: string; hours: number; audience?: string }>();
  const [reviewForm] = Form.useForm<{ reviewerKind: 'trainee' | 'supervisor'; reviewerName?: string; score: number; comment?: string }>();
  if (instructor.isError) return <QueryErrorAlert error={instructor.error} onRetry={() => void instructor.refetch()} />;
  const i = instructor.data;
  if (!i) return <FullPageSpin />;

  const saveLecture = async () => {
    const v = await lectureForm.validateFields();
    addLecture.mutate(
      { ...v, date: v.date.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          setLectureOpen(false);
          lectureForm.resetFields();
        },
        onError: showError,
      },
    );
  };
  const saveReview = async () => {
    const v = await reviewForm.validateFields();
    if (reviewing)
      addReview.mutate(
        { lectureId: reviewing.id, ...v },
        {
          onSuccess: () => {
            setReviewing(null);
            reviewForm.resetFields();
          },
          onError: showError,
        },
      );
  };

  return (
    <Card
      title={`${t('talent.instructorTitle')} · ${i.name}`}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setLectureOpen(true)}>
            {t('talent.actions.addLecture')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'org', label: t('talent.fields.org'), children: i.orgName },
          { key: 'grade', label: t('talent.fields.grade'), children: <Tag color="gold">{t(`talent.grade.${i.grade}`)}</Tag> },
          { key: 'status', label: t('talent.fields.status'), children: t(`talent.status.${i.status}`) },
          { key: 'subjects', label: t('talent.fields.subjects'), children: i.subjects.map((s) => <Tag key={s}>{s}</Tag>) },
          { key: 'term', label: t('talent.fields.appointedOn'), children: `${i.appointedOn} ~ ${i.expiresOn ?? ''}` },
          {
            key: 'avg',
            label: t('talent.fields.average'),
            children: <Statistic value={i.averageScore ?? '—'} valueStyle={{ fontSize: 20 }} suffix={`（${i.reviews}）`} />,
          },
        ]}
      />
      <Table<Lecture>
        rowKey="id"
        pagination={false}
        dataSource={i.lectureList}
        expandable={{
          rowExpandable: (l) => l.reviews.length > 0,
          expandedRowRender: (l) => (
            <Table<Review>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={l.reviews}
              columns={[
                {
                  title: t('talent.fields.reviewerKind'),
                  dataIndex: 'reviewerKind',
                  render: (v: Review['reviewerKind']) => t(`talent.reviewerKind.${v}`),
                },
                { title: t('talent.fields.reviewerName'), dataIndex: 'reviewerName' },
                { title: t('talent.fields.score'), dataIndex: 'score' },
                { title: t('talent.fields.comment'), dataIndex: 'comment' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('talent.fields.date'), dataIndex: 'date', width: 110 },
          { title: t('talent.fields.lectureTitle'), dataIndex: 'title' },
          { title: t('talent.fields.subjects'), dataIndex: 'subject' },
          { title: t('talent.fields.hours'), dataIndex: 'hours', width: 70 },
          { title: t('talent.fields.audience'), dataIndex: 'audience' },
          {
            title: t('talent.fields.average'),
            dataIndex: 'averageScore',
            width: 110,
            render: (v: number | null, l) => (v === null ? '—' : `${v}（${l.reviews.length}）`),
          },
          ...(canWrite
            ? [
                {
                  key: 'op',
                  width: 80,
                  render: (_: unknown, l: Lecture) => (
                    <Button size="small" onClick={() => setReviewing(l)}>
                      {t('talent.actions.review')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={t('talent.actions.addLecture')}
        open={lectureOpen}
        onCancel={() => setLectureOpen(false)}
        onOk={() => void saveLecture()}
        confirmLoading={addLecture.isPending}
        destroyOnHidden
      >
        <Form form={lectureForm} layout="vertical" initialValues={{ hours: 2 }}>
          <Form.Item name="date" label={t('talent.fields.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="title" label={t('talent.fields.lectureTitle')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="subject" label={t('talent.fields.subjects')}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="hours" label={t('talent.fields.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={24} step={0.5} />
          </Form.Item>
          <Form.Item name="audience" label={t('talent.fields.audience')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={`${t('talent.actions.review')} · ${reviewing?.title ?? ''}`}
        open={reviewing !== null}
        onCancel={() => setReviewing(null)}
        onOk={() => void saveReview()}
        confirmLoading={addReview.isPending}
        destroyOnHidden
      >
        <Form form={reviewForm} layout="vertical" initialValues={{ reviewerKind: 'trainee' }}>
          <Form.Item name="reviewerKind" label={t('talent.fields.reviewerKind')}>
            <Radio.Group options={(['trainee', 'supervisor'] as const).map((k) => ({ value: k, label: t(`talent.reviewerKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="reviewerName" label={t('talent.fields.reviewerName')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="score" label={t('talent.fields.score')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="comment" label={t('talent.fields.comment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
