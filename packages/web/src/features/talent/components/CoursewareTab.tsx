import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import {
  downloadCourseware,
  useCourseware,
  useCoursewareDetail,
  useCreateCourseware,
  useReviewCourseware,
  useUploadCourseware,
  type Courseware,
  type CoursewareStatus,
} from '../api';
import { PersonSelect } from '../../../shared/components/PersonSelect';

const statusColor = { draft: 'default', submitted: 'processing', approved: 'success', rejected: 'error' } as const;

/** 课件/微课评审: submissions, the file (typed by its bytes on the server), reviewer scores and the decision. */
export function CoursewareTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = usePermission('talent:write');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useCourseware(page);
  const [openId, setOpenId] = useState<string | null>(null);
  const detail = useCoursewareDetail(openId);
  const [creating, setCreating] = useState(false);
  const create = useCreateCourseware();
  const upload = useUploadCourseware();
  const review = useReviewCourseware();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ kind: Courseware['kind']; title: string; subject?: string; authorPersonId: string; summary?: string }>();
  const [reviewForm] = Form.useForm<{ score: number; comment?: string }>();
  const d = detail.data;

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('talent.actions.submit')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('talent.uploadHint')}</Typography.Text>
      </Space>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Courseware>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('talent.fields.title'), dataIndex: 'title', render: (v: string, r) => <a onClick={() => setOpenId(r.id)}>{v}</a> },
          { title: t('talent.fields.kind'), dataIndex: 'kind', render: (v: Courseware['kind']) => t(`talent.kind.${v}`) },
          { title: t('talent.fields.author'), dataIndex: 'authorName' },
          { title: t('talent.fields.org'), dataIndex: 'orgName' },
          {
            title: t('talent.fields.file'),
            dataIndex: 'fileName',
            render: (v: string | null, r) => (v ? `${v}（${r.fileType?.toUpperCase()}）` : '—'),
          },
          { title: t('talent.fields.reviews'), dataIndex: 'reviews', width: 90 },
          { title: t('talent.fields.average'), dataIndex: 'averageScore', width: 110, render: (v: number | null) => v ?? '—' },
          {
            title: t('talent.fields.status'),
            dataIndex: 'status',
            render: (v: CoursewareStatus) => <Tag color={statusColor[v]}>{t(`talent.cwStatus.${v}`)}</Tag>,
          },
        ]}
      />
      <Modal
        title={t('talent.actions.submit')}
        open={creating}
        onCancel={() => setCreating(false)}
        confirmLoading={create.isPending}
        destroyOnHidden
        onOk={() =>
          void form.validateFields().then((v) =>
            create.mutate(v, {
              onSuccess: (c) => {
                setCreating(false);
                form.resetFields();
                setOpenId(c.id);
              },
              onError: showError,
            }),
          )
        }
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'courseware' }}>
          <Form.Item name="kind" label={t('talent.fields.kind')}>
            <Select options={(['courseware', 'micro_course'] as const).map((k) => ({ value: k, label: t(`talent.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('talent.fields.title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="subject" label={t('talent.fields.subjects')}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="authorPersonId" label={t('talent.fields.author')} rules={[{ required: true }]}>
            <PersonSelect />
          </Form.Item>
          <Form.Item name="summary" label={t('talent.fields.comment')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer width={560} open={openId !== null} onClose={() => setOpenId(null)} title={d?.title} destroyOnHidden>
        {detail.isError && <QueryErrorAlert error={detail.error} />}
        {d && (
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'k', label: t('talent.fields.kind'), children: t(`talent.kind.${d.kind}`) },
                { key: 'a', label: t('talent.fields.author'), children: `${d.authorName} · ${d.orgName}` },
                {
                  key: 's',
                  label: t('talent.fields.status'),
                  children: <Tag color={statusColor[d.status]}>{t(`talent.cwStatus.${d.status}`)}</Tag>,
                },
                {
                  key: 'f',
                  label: t('talent.fields.file'),
                  children: d.fileName ? (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => void downloadCourseware(d.id, d.fileName ?? 'courseware').catch(showError)}
                    >
                      {d.fileName}
                    </Button>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'avg',
                  label: t('talent.fields.average'),
                  children: d.averageScore === null ? '—' : `${d.averageScore}（${d.reviews}）`,
                },
                ...(d.decisionNote ? [{ key: 'n', label: t('talent.fields.decisionNote'), children: d.decisionNote }] : []),
              ]}
            />
            {canWrite && (d.status === 'draft' || d.status === 'submitted') && (
              <Upload
                showUploadList={false}
                accept=".pdf,.pptx,.docx,.mp4"
                beforeUpload={(file) => {
                  upload.mutate({ id: d.id, file }, { onSuccess: () => void message.success(t('talent.done')), onError: showError });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  {t('talent.actions.upload')}
                </Button>
              </Upload>
            )}
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.reviewList}
              columns={[
                { title: t('talent.fields.reviewerName'), dataIndex: 'reviewerName' },
                { title: t('talent.fields.score'), dataIndex: 'score', width: 70 },
                { title: t('talent.fields.comment'), dataIndex: 'comment' },
              ]}
            />
            {canWrite && d.status === 'submitted' && (
              <Form
                form={reviewForm}
                layout="inline"
                onFinish={(v) => review.mutate({ id: d.id, ...v }, { onSuccess: () => reviewForm.resetFields(), onError: showError })}
              >
                <Form.Item name="score" rules={[{ required: true }]}>
                  <InputNumber min={0} max={100} placeholder={t('talent.fields.score')} />
                </Form.Item>
                <Form.Item name="comment">
                  <Input placeholder={t('talent.fields.comment')} maxLength={500} />
                </Form.Item>
                <Button htmlType="submit" loading={review.isPending}>
                  {t('talent.actions.score')}
                </Button>
              </Form>
            )}
            {d.status === 'submitted' && d.reviews > 0 && d.caseId && (
              // Accepting or rejecting happens on the submission's case in the to-do centre.
              <Button type="primary" onClick={() => navigate(`/todo?case=${encodeURIComponent(d.caseId ?? '')}`)}>
                {t('talent.actions.decide')}
              </Button>
            )}
          </Space>
        )}
      </Drawer>
    </>
  );
}
