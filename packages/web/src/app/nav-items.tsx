import { AuditOutlined, BookOutlined, ClusterOutlined, HomeOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavLabelKey = 'home' | 'orgs' | 'users' | 'roles' | 'audit' | 'dicts';

export interface NavItem {
  path: string;
  labelKey: NavLabelKey;
  icon: ReactNode;
  /** Shown only when the user holds this permission; undefined = every signed-in user. */
  permission?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'home', icon: <HomeOutlined /> },
  { path: '/orgs', labelKey: 'orgs', icon: <ClusterOutlined />, permission: 'org:read' },
  { path: '/users', labelKey: 'users', icon: <TeamOutlined />, permission: 'user:read' },
  { path: '/roles', labelKey: 'roles', icon: <SafetyCertificateOutlined />, permission: 'role:read' },
  { path: '/audit', labelKey: 'audit', icon: <AuditOutlined />, permission: 'audit:read' },
  { path: '/dicts', labelKey: 'dicts', icon: <BookOutlined />, permission: 'dict:read' },
];
