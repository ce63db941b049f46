import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  ClusterOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavLabelKey =
  'home' | 'me' | 'personnel' | 'personnelImport' | 'corrections' | 'stats' | 'orgs' | 'users' | 'roles' | 'audit' | 'dicts';

export interface NavItem {
  path: string;
  labelKey: NavLabelKey;
  icon: ReactNode;
  /** Shown only when the user holds this permission; undefined = every signed-in user. */
  permission?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'home', icon: <HomeOutlined /> },
  // personnel:self is held by every signed-in user, so 本人信息 shows for everyone.
  { path: '/me', labelKey: 'me', icon: <IdcardOutlined />, permission: 'personnel:self' },
  { path: '/personnel', labelKey: 'personnel', icon: <SolutionOutlined />, permission: 'personnel:read' },
  { path: '/personnel/import', labelKey: 'personnelImport', icon: <CloudUploadOutlined />, permission: 'personnel:import' },
  { path: '/personnel/corrections', labelKey: 'corrections', icon: <FileDoneOutlined />, permission: 'personnel:approve' },
  { path: '/stats', labelKey: 'stats', icon: <BarChartOutlined />, permission: 'personnel:read' },
  { path: '/orgs', labelKey: 'orgs', icon: <ClusterOutlined />, permission: 'org:read' },
  { path: '/users', labelKey: 'users', icon: <TeamOutlined />, permission: 'user:read' },
  { path: '/roles', labelKey: 'roles', icon: <SafetyCertificateOutlined />, permission: 'role:read' },
  { path: '/audit', labelKey: 'audit', icon: <AuditOutlined />, permission: 'audit:read' },
  { path: '/dicts', labelKey: 'dicts', icon: <BookOutlined />, permission: 'dict:read' },
];
