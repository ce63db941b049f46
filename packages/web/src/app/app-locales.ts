import type { LocaleShape } from '../shared/i18n/locale-shape';

/** Strings of the shell (menu, header, home page, route errors). */
export const appZhCN = {
  layout: {
    appName: '智慧政工',
    menu: {
      home: '首页',
      me: '本人信息',
      personnel: '人员信息',
      personnelImport: '批量导入',
      corrections: '更正审核',
      stats: '统计分析',
      orgs: '机构管理',
      users: '用户管理',
      roles: '角色管理',
      audit: '审计日志',
      dicts: '数据字典',
    },
    changePassword: '修改密码',
    logout: '退出登录',
    userLabel: '当前用户',
    collapse: '收起菜单',
    expand: '展开菜单',
  },
  home: {
    welcome: '欢迎，{{name}}',
    intro: '智慧政工平台面向公安机关政治部门，提供队伍管理、教育训练、考核奖惩等政治工作的信息化支撑。',
    username: '用户名',
    org: '所属机构',
    adminKind: '管理员类别',
    roles: '角色',
    dataScope: '数据权限',
    noRoles: '未分配角色',
    roleScope: '{{role}}：{{scope}}',
    scopeNotProvided: '由角色配置决定（详见角色管理）',
    quickLinks: '常用功能',
  },
  routeError: {
    title: '页面加载失败',
    description: '系统可能刚刚升级，请刷新页面后重试。',
    reload: '刷新页面',
  },
};

export const appEnUS: LocaleShape<typeof appZhCN> = {
  layout: {
    appName: 'Zhenggong',
    menu: {
      home: 'Home',
      me: 'My record',
      personnel: 'Personnel',
      personnelImport: 'Import',
      corrections: 'Corrections',
      stats: 'Statistics',
      orgs: 'Organisations',
      users: 'Users',
      roles: 'Roles',
      audit: 'Audit log',
      dicts: 'Dictionaries',
    },
    changePassword: 'Change password',
    logout: 'Sign out',
    userLabel: 'Signed in as',
    collapse: 'Collapse menu',
    expand: 'Expand menu',
  },
  home: {
    welcome: 'Welcome, {{name}}',
    intro:
      'Zhenggong supports the political-work departments of police organs: workforce records, training, assessment, awards and discipline.',
    username: 'Username',
    org: 'Organisation',
    adminKind: 'Administrator type',
    roles: 'Roles',
    dataScope: 'Data scope',
    noRoles: 'No roles assigned',
    roleScope: '{{role}}: {{scope}}',
    scopeNotProvided: 'Set by your roles (see Roles)',
    quickLinks: 'Shortcuts',
  },
  routeError: {
    title: 'The page failed to load',
    description: 'The system may just have been upgraded. Reload the page and try again.',
    reload: 'Reload',
  },
};
