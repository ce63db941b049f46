import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { useAnnouncement, useCreateApplication, useMyApplication, useUpdateApplication } from '../api';
import { EDUCATION_OPTIONS, POLITICAL_OPTIONS } from '../codes';
import { ApplicantSteps } from '../components/ApplicantSteps';
import { DivisionCascader } from '../components/DivisionCascader';
import { RequireApplicant } from '../components/RequireApplicant';
import { randomKey } from '../format';
import { ageOn, parseIdNumber } from '../../../shared/utils/id-number';
import type { ApplicationDetail, ApplicationInput, Post } from '../types';
import { PHONE_PATTERN } from '../validation';

type FormValues = Omit<ApplicationInput, 'postId'>;

/** New application (/portal/apply/:postId?announcement=…) or edit (/portal/applications/:id/edit). */
export function PortalApplyPage() {
  return (
    <RequireApplicant>
      <ApplyLoader />
    </RequireApplicant>
  );
}

function ApplyLoader() {
  const { postId, id } = useParams();
  const [params] = useSearchParams();
  const existing = useMyApplication(id);
  const announcementId = id ? existing.data?.announcementId : (params.get('announcement') ?? undefined);
  const announcement = useAnnouncement(announcementId);
  const { t } = useTranslation();

  if (id && existing.isError) return <QueryErrorAlert error={existing.error} />;
  if (announcement.isError) return <QueryErrorAlert error={announcement.error} />;
  if ((id && existing.isPending) || announcement.isPending) return <Skeleton active />;
  const wantedPost = id ? existing.data?.postId : postId;
  const post = announcement.data.posts.find((p) => p.id === wantedPost);
  if (!post) return <Alert type="warning" showIcon message={t('portal.apply.postMissing')} />;
  return (
    <ApplyForm
      post={post}
      announcementId={announcement.data.id}
      applyUntil={announcement.data.applyUntil}
      existing={id ? existing.data : undefined}
    />
  );
}

function ApplyForm({
  post,
  announcementId,
  applyUntil,
  existing,
}: {
  post: Post;
  announcementId: string;
  applyUntil: string;
  existing?: ApplicationDetail;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  // One key for this filled form: a double tap or a retried request still makes one application.
  const [idempotencyKey] = useState(randomKey);
  const create = useCreateApplication(idempotencyKey);
  const update = useUpdateApplication(existing?.id ?? '');
  const mutation = existing ? update : create;
  const idNumber = Form.useWatch('idNumber', form) ?? '';

  const reference = post.requirements.ageReferenceDate ?? applyUntil;
  const derived = useMemo(() => {
    const parsed = parseIdNumber(idNumber);
    if (!parsed.ok) return null;
    return { ...parsed.info, age: ageOn(parsed.info.birthDate, reference) };
  }, [idNumber, reference]);

  // Early, advisory warnings; the server's check is the one that decides.
  const warnings: string[] = [];
  if (derived) {
    const r = post.requirements;
    if ((r.ageMin != null && derived.age < r.ageMin) || (r.ageMax != null && derived.age > r.ageMax))
      warnings.push(t('portal.apply.warnAge', { age: derived.age }));
    if (r.sex && derived.sex !== r.sex) warnings.push(t('portal.apply.warnSex', { sex: t(`portal.sex.${r.sex}`) }));
  }

  const reasons =
    isApiError(mutation.error) && Array.isArray(mutation.error.details.reasons) ? (mutation.error.details.reasons as string[]) : null;

  const submit = (values: FormValues) => {
    const body = { ...values, idNumber: values.idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase() };
    if (existing) {
      update.mutate(body, {
        onSuccess: () => {
          void message.success(t('portal.apply.saved'));
          void navigate(`/portal/applications/${existing.id}`);
        },
      });
    } else {
      create.mutate(
        { ...body, postId: post.id },
        {
          onSuccess: (created) => {
            void message.success(t('portal.apply.submitted'));
            void navigate(`/portal/applications/${created.id}`, { replace: true });
          },
        },
      );
    }
  };

  const initial: Partial<FormValues> | undefined = existing
    ? {
        name: existing.name,
        idNumber: existing.idNumber,
        phone: existing.phone,
        education: existing.education,
        politicalStatus: existing.politicalStatus,
        householdRegion: existing.householdRegion,
        address: existing.address ?? undefined,
        school: existing.school ?? undefined,
        major: existing.major ?? undefined,
        resume: existing.resume ?? undefined,
      }
    : undefined;

  return (
    <div data-testid="portal-apply">
      <Link to={existing ? `/portal/applications/${existing.id}` : `/portal/announcements/${announcementId}`}>
        ‹ {t('portal.apply.back')}
      </Link>
      <h1 className="portal-page-title" style={{ marginTop: 8 }}>
        {existing ? t('portal.apply.editTitle') : t('portal.apply.title')}
      </h1>
      <ApplicantSteps current="form" status="process" />
      <Card size="small">
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('portal.apply.post')}：</Typography.Text>
          <Typography.Text strong>
            {post.name}（{post.orgName}）
          </Typography.Text>
        </Typography.Paragraph>
        <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={initial} scrollToFirstError requiredMark>
          <Form.Item
            name="name"
            label={t('portal.apply.name')}
            rules={[{ required: true, whitespace: true, min: 2, max: 50, message: t('portal.apply.nameInvalid') }]}
          >
            <Input size="large" autoComplete="name" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('portal.apply.idNumber')}
            validateFirst
            rules={[
              { required: true, message: t('portal.apply.idFormat') },
              {
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const parsed = parseIdNumber(value);
                  if (parsed.ok) return Promise.resolve();
                  const key = parsed.problem === 'format' ? 'idFormat' : parsed.problem === 'birth_date' ? 'idBirth' : 'idCheck';
                  return Promise.reject(new Error(t(`portal.apply.${key}`)));
                },
              },
            ]}
            extra={
              derived ? (
                <span data-testid="id-derived">
                  {t('portal.apply.derived', {
                    sex: t(`portal.sex.${derived.sex}`),
                    birth: derived.birthDate,
                    age: derived.age,
                    date: reference,
                  })}
                </span>
              ) : undefined
            }
          >
            <Input size="large" maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          {warnings.length > 0 ? (
            <Alert type="warning" showIcon message={warnings.join('；')} style={{ marginBottom: 16 }} data-testid="requirement-warning" />
          ) : null}
          <Form.Item
            name="phone"
            label={t('portal.apply.phone')}
            rules={[{ required: true, pattern: PHONE_PATTERN, message: t('portal.auth.phoneInvalid') }]}
          >
            <Input size="large" inputMode="tel" maxLength={11} />
          </Form.Item>
          <Form.Item name="education" label={t('portal.apply.education')} rules={[{ required: true, message: t('portal.auth.required') }]}>
            <CodeSelect options={EDUCATION_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="politicalStatus"
            label={t('portal.apply.political')}
            rules={[{ required: true, message: t('portal.auth.required') }]}
          >
            <CodeSelect options={POLITICAL_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="householdRegion"
            label={t('portal.apply.household')}
            extra={t('portal.apply.householdHint')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('portal.apply.householdInvalid') }]}
          >
            <DivisionCascader />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('portal.apply.address')}
            rules={[{ required: true, whitespace: true, max: 200, message: t('portal.auth.required') }]}
          >
            <Input size="large" maxLength={200} />
          </Form.Item>
          <Form.Item name="school" label={t('portal.apply.school')}>
            <Input size="large" maxLength={100} />
          </Form.Item>
          <Form.Item name="major" label={t('portal.apply.major')}>
            <Input size="large" maxLength={100} />
          </Form.Item>
          <Form.Item name="resume" label={t('portal.apply.resume')}>
            <Input.TextArea rows={4} maxLength={4000} placeholder={t('portal.apply.resumePlaceholder')} />
          </Form.Item>
          {reasons ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="requirement-reasons"
              message={t('portal.apply.notMet')}
              description={
                <ul style={{ paddingLeft: 18, margin: 0 }}>
                  {reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              }
            />
          ) : mutation.isError ? (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorText(mutation.error)} data-testid="apply-error" />
          ) : null}
          <Button type="primary" htmlType="submit" size="large" block loading={mutation.isPending}>
            {existing ? t('portal.apply.save') : t('portal.apply.submit')}
          </Button>
          {!existing ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {t('portal.apply.oneOnly')}
            </Typography.Paragraph>
          ) : null}
        </Form>
      </Card>
    </div>
  );
}

function CodeSelect({
  options,
  ...props
}: {
  options: typeof EDUCATION_OPTIONS;
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  return <Select size="large" {...props} options={options.map((o) => ({ value: o.code, label: english ? o.en : o.zh }))} />;
}
