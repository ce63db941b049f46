import {
  FileTextOutlined,
  FlagOutlined,
  NotificationOutlined,
  AlertOutlined,
  HeartOutlined,
  SmileOutlined,
  AuditOutlined,
  DashboardOutlined,
  LineChartOutlined,
  FieldTimeOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  BookOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  EditOutlined,
  FormOutlined,
  ProfileOutlined,
  ReadOutlined,
  ScheduleOutlined,
  StarOutlined,
  TrophyOutlined,
  UserAddOutlined,
  UsergroupAddOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  CrownOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavLabelKey =
  | 'home'
  | 'me'
  | 'personnel'
  | 'personnelImport'
  | 'corrections'
  | 'stats'
  | 'provinceStats'
  | 'orgs'
  | 'users'
  | 'roles'
  | 'audit'
  | 'jobs'
  | 'dicts'
  | 'myExams'
  | 'myTraining'
  | 'questionBank'
  | 'papers'
  | 'exams'
  | 'grading'
  | 'training'
  | 'study'
  | 'talent'
  | 'competitions'
  | 'recruitment'
  | 'auxiliary'
  | 'party'
  | 'myParty'
  | 'publicity'
  | 'myPublicity'
  | 'culture'
  | 'myCulture'
  | 'cadres'
  | 'assessment'
  | 'assessmentDaily'
  | 'myAssessment'
  | 'warning'
  | 'cockpit'
  | 'myCondition'
  | 'warningReports'
  | 'awards'
  | 'todo'
  | 'holidayCalendar'
  | 'leave'
  | 'myCare'
  | 'healthAlerts'
  | 'psych';

export type NavGroupKey = 'learning' | 'auxiliaryGroup' | 'partyGroup' | 'welfareGroup' | 'warningGroup';

export interface NavItem {
  path: string;
  labelKey: NavLabelKey;
  icon: ReactNode;
  /** Shown only when the user holds this permission; undefined = every signed-in user. */
  permission?: string;
  /** Items with a group show in that sub-menu. */
  group?: NavGroupKey;
  /**
   * The page works on the signed-in user's own person record: shown only to accounts linked to a
   * person (never the three administrators, 三员), since for others it could only answer 404.
   */
  needsPerson?: true;
}

export const NAV_GROUPS: readonly { key: NavGroupKey; icon: ReactNode }[] = [
  { key: 'learning', icon: <ReadOutlined /> },
  { key: 'auxiliaryGroup', icon: <UsergroupAddOutlined /> },
  { key: 'partyGroup', icon: <FlagOutlined /> },
  { key: 'welfareGroup', icon: <HeartOutlined /> },
  { key: 'warningGroup', icon: <AlertOutlined /> },
];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'home', icon: <HomeOutlined /> },
  // personnel:self is held by every signed-in user, so 本人信息 shows for everyone with a person.
  { path: '/todo', labelKey: 'todo', icon: <CheckSquareOutlined />, permission: 'workflow:self' },
  { path: '/me', labelKey: 'me', icon: <IdcardOutlined />, permission: 'personnel:self', needsPerson: true },
  { path: '/personnel', labelKey: 'personnel', icon: <SolutionOutlined />, permission: 'personnel:read' },
  { path: '/personnel/import', labelKey: 'personnelImport', icon: <CloudUploadOutlined />, permission: 'personnel:import' },
  { path: '/personnel/corrections', labelKey: 'corrections', icon: <FileDoneOutlined />, permission: 'personnel:approve' },
  { path: '/stats', labelKey: 'stats', icon: <BarChartOutlined />, permission: 'personnel:read' },
  { path: '/province', labelKey: 'provinceStats', icon: <GlobalOutlined />, permission: 'province:read' },
  { path: '/my-exams', labelKey: 'myExams', icon: <FormOutlined />, permission: 'exam:take', group: 'learning', needsPerson: true },
  {
    path: '/my-training',
    labelKey: 'myTraining',
    icon: <ScheduleOutlined />,
    permission: 'training:self',
    group: 'learning',
    needsPerson: true,
  },
  { path: '/question-bank', labelKey: 'questionBank', icon: <DatabaseOutlined />, permission: 'exam:question', group: 'learning' },
  { path: '/question-bank/papers', labelKey: 'papers', icon: <ProfileOutlined />, permission: 'exam:question', group: 'learning' },
  { path: '/exams', labelKey: 'exams', icon: <CarryOutOutlined />, permission: 'exam:manage', group: 'learning' },
  { path: '/exams/grading', labelKey: 'grading', icon: <EditOutlined />, permission: 'exam:grade', group: 'learning' },
  { path: '/training', labelKey: 'training', icon: <TeamOutlined />, permission: 'training:read', group: 'learning' },
  { path: '/study', labelKey: 'study', icon: <BookOutlined />, permission: 'study:read', group: 'learning' },
  { path: '/talent', labelKey: 'talent', icon: <StarOutlined />, permission: 'talent:read', group: 'learning' },
  { path: '/competitions', labelKey: 'competitions', icon: <TrophyOutlined />, permission: 'competition:read', group: 'learning' },
  { path: '/recruitment', labelKey: 'recruitment', icon: <UserAddOutlined />, permission: 'recruitment:read', group: 'auxiliaryGroup' },
  { path: '/auxiliary', labelKey: 'auxiliary', icon: <IdcardOutlined />, permission: 'auxiliary:read', group: 'auxiliaryGroup' },
  { path: '/party', labelKey: 'party', icon: <FlagOutlined />, permission: 'party:read', group: 'partyGroup' },
  { path: '/my-party', labelKey: 'myParty', icon: <CalendarOutlined />, permission: 'party:self', group: 'partyGroup', needsPerson: true },
  { path: '/publicity', labelKey: 'publicity', icon: <NotificationOutlined />, permission: 'publicity:read', group: 'partyGroup' },
  {
    path: '/my-publicity',
    labelKey: 'myPublicity',
    icon: <FileTextOutlined />,
    permission: 'publicity:self',
    group: 'partyGroup',
    needsPerson: true,
  },
  { path: '/culture', labelKey: 'culture', icon: <ReadOutlined />, permission: 'culture:read', group: 'partyGroup' },
  {
    path: '/my-culture',
    labelKey: 'myCulture',
    icon: <SmileOutlined />,
    permission: 'culture:self',
    group: 'partyGroup',
    needsPerson: true,
  },
  { path: '/cadres', labelKey: 'cadres', icon: <CrownOutlined />, permission: 'cadres:read' },
  {
    path: '/welfare/leave',
    labelKey: 'leave',
    icon: <CalendarOutlined />,
    permission: 'personnel:self',
    group: 'welfareGroup',
    needsPerson: true,
  },
  {
    path: '/welfare/my-care',
    labelKey: 'myCare',
    icon: <HeartOutlined />,
    permission: 'personnel:self',
    group: 'welfareGroup',
    needsPerson: true,
  },
  { path: '/welfare/alerts', labelKey: 'healthAlerts', icon: <AlertOutlined />, permission: 'health:alert', group: 'welfareGroup' },
  { path: '/welfare/psych', labelKey: 'psych', icon: <SmileOutlined />, permission: 'psych:care', group: 'welfareGroup' },
  { path: '/assessment', labelKey: 'assessment', icon: <BarChartOutlined />, permission: 'assessment:read' },
  { path: '/assessment/daily', labelKey: 'assessmentDaily', icon: <ScheduleOutlined />, permission: 'assessment:daily' },
  { path: '/my-assessment', labelKey: 'myAssessment', icon: <FormOutlined />, permission: 'assessment:self', needsPerson: true },
  { path: '/warning/cockpit', labelKey: 'cockpit', icon: <DashboardOutlined />, permission: 'warning:cockpit', group: 'warningGroup' },
  { path: '/warning/alerts', labelKey: 'warning', icon: <AlertOutlined />, permission: 'warning:read', group: 'warningGroup' },
  { path: '/warning/reports', labelKey: 'warningReports', icon: <FileTextOutlined />, permission: 'warning:report', group: 'warningGroup' },
  { path: '/my-condition', labelKey: 'myCondition', icon: <LineChartOutlined />, permission: 'personnel:self', needsPerson: true },
  { path: '/awards', labelKey: 'awards', icon: <TrophyOutlined />, permission: 'awards:read' },
  { path: '/orgs', labelKey: 'orgs', icon: <ClusterOutlined />, permission: 'org:read' },
  { path: '/users', labelKey: 'users', icon: <TeamOutlined />, permission: 'user:read' },
  { path: '/roles', labelKey: 'roles', icon: <SafetyCertificateOutlined />, permission: 'role:read' },
  { path: '/audit', labelKey: 'audit', icon: <AuditOutlined />, permission: 'audit:read' },
  { path: '/system/jobs', labelKey: 'jobs', icon: <FieldTimeOutlined />, permission: 'system:jobs' },
  { path: '/dicts', labelKey: 'dicts', icon: <BookOutlined />, permission: 'dict:read' },
  { path: '/workflow/calendar', labelKey: 'holidayCalendar', icon: <CalendarOutlined />, permission: 'workflow:calendar' },
];

/** The menu entries this user can use: holds the permission, and has a person where the page needs one. */
export function navItemsFor(me: { permissions: readonly string[]; hasPerson: boolean } | null | undefined): NavItem[] {
  if (!me) return [];
  return NAV_ITEMS.filter((item) => (!item.permission || me.permissions.includes(item.permission)) && !(item.needsPerson && !me.hasPerson));
}

/**
 * The menu entry a path belongs to: the longest entry path that is the path or a prefix of it
 * (/personnel/import → 批量导入人员, /personnel/<id> → 人员信息); 首页 only for '/' itself, so an
 * unknown path (the 404 page) highlights nothing.
 */
export function navItemOf(pathname: string): NavItem | undefined {
  if (pathname === '/') return NAV_ITEMS.find((item) => item.path === '/');
  return NAV_ITEMS.filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}
