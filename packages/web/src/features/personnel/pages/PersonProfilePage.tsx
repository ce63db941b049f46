import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Result, Row, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { photoUrl, printUrl, usePerson, useRevealPerson, useUploadPhoto } from '../api';
import { AppointmentFormModal } from '../components/AppointmentFormModal';
import { PersonEditDrawer } from '../components/PersonEditDrawer';
import { PersonTimeline } from '../components/PersonTimeline';
import { ProfileDetails } from '../components/ProfileDetails';
import { ProfileHeader } from '../components/ProfileHeader';
import { RecordTabs } from '../components/RecordTabs';
import { ResultsCard } from '../components/ResultsCard';
import { TransferModal } from '../components/TransferModal';
import { useDictLabel } from '../../../shared/dicts/dict-api';

type Dialog = 'edit' | 'transfer' | 'appointment' | null;

/** 人员档案: header, every field, career timeline, and the record tabs. */
export function PersonProfilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const showError = useErrorMessage();
  const { id = '' } = useParams();
  const person = usePerson(id);
  const photo = useUploadPhoto(id);
  const reveal = useRevealPerson();
  const label = useDictLabel();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { reset } = reveal;

  // Full values belong to the person on screen only.
  useEffect(() => reset, [id, reset]);

  const back = (
    // Back to the list as it was (filters live in its URL); a profile opened directly has no "back".
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      style={{ paddingInline: 0 }}
      onClick={() => (location.key === 'default' ? navigate('/personnel') : navigate(-1))}
    >
      {t('personnel.actions.back')}
    </Button>
  );

  if (person.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (person.isError) {
    if (isApiError(person.error) && person.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('personnel.profile.notFound')}
          extra={<Button onClick={() => navigate('/personnel')}>{t('personnel.actions.back')}</Button>}
        />
      );
    }
    return <QueryErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  }
  const profile = person.data;

  return (
    <Flex vertical gap={12} data-testid="person-profile">
      <div>{back}</div>
      <ProfileHeader
        person={profile}
        label={label}
        revealed={reveal.isSuccess}
        revealing={reveal.isPending}
        onReveal={() => reveal.mutate(profile.id, { onError: showError })}
        onHide={() => reveal.reset()}
        onEdit={() => setDialog('edit')}
        onTransfer={() => setDialog('transfer')}
        onAppointmentForm={() => setDialog('appointment')}
        onPrint={() => window.open(printUrl(profile.id), '_blank', 'noopener')}
        onPhoto={(file) => photo.mutate(file, { onError: showError })}
        photoSrc={profile.hasPhoto ? photoUrl(profile.id, profile.updatedAt) : undefined}
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={12}>
            <ProfileDetails person={profile} label={label} sensitive={reveal.data ?? null} />
            <RecordTabs personId={profile.id} history={profile.history} />
            <ResultsCard personId={profile.id} />
            {profile.history.appraisals.length > 0 && (
              <Card size="small" title={t('personnel.profile.appraisals')} data-testid="profile-appraisals">
                {profile.history.appraisals.map((a) => (
                  <Tag key={a.year} color={a.grade === '优秀' ? 'gold' : undefined}>
                    {a.year}年度 {a.grade}
                  </Tag>
                ))}
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <PersonTimeline history={profile.history} label={label} />
        </Col>
      </Row>
      {dialog === 'edit' && <PersonEditDrawer person={profile} onClose={() => setDialog(null)} />}
      {dialog === 'transfer' && <TransferModal person={profile} onClose={() => setDialog(null)} />}
      {dialog === 'appointment' && <AppointmentFormModal personId={profile.id} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
