// The demo district: Shijingshan with two streets, their communities, departments, and one demo user per role and street.
import type { OrgUnitKind } from '../../contracts/orgUnitKinds';
import type { Role } from '../../contracts/roles';

/** An org unit to create. */
export interface SeedOrgUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
}

/** A demo user to create. */
export interface SeedUser {
  username: string;
  displayName: string;
  roles: Role[];
  groups: string[];
  orgUnits: string[];
  streets: string[];
  /** Job types a job worker may run (`*`: all). */
  jobTypes: string[];
}

/** The demo streets: id and name. */
export const DEMO_STREETS = [
  { id: 'bajiao', name: '八角街道', community: { id: 'bajiao-beilu', name: '八角北路社区' } },
  { id: 'lugu', name: '鲁谷街道', community: { id: 'lugu-qixingyuan', name: '七星园社区' } },
] as const;

/** The org-unit tree: district → streets → a community each; district departments, the governance committee and a member unit. */
export const DEMO_ORG_UNITS: SeedOrgUnit[] = [
  { id: 'shijingshan', name: '石景山区', kind: 'district', parentId: null },
  ...DEMO_STREETS.flatMap((s) => [
    { id: s.id, name: s.name, kind: 'street' as const, parentId: 'shijingshan' },
    { id: s.community.id, name: s.community.name, kind: 'community' as const, parentId: s.id },
  ]),
  { id: 'chengguan', name: '城管执法', kind: 'department', parentId: 'shijingshan' },
  { id: 'shichang', name: '市场监管', kind: 'department', parentId: 'shijingshan' },
  { id: 'gongan', name: '公安', kind: 'department', parentId: 'shijingshan' },
  { id: 'huanbao', name: '生态环境', kind: 'department', parentId: 'shijingshan' },
  { id: 'xiaofang', name: '消防', kind: 'department', parentId: 'shijingshan' },
  { id: 'zhujian', name: '住建委', kind: 'department', parentId: 'shijingshan' },
  { id: 'governance-committee', name: '区社会治理委员会', kind: 'committee', parentId: 'shijingshan' },
  { id: 'shougang', name: '首钢', kind: 'member-unit', parentId: 'governance-committee' },
];

const perStreet: Array<{ suffix: string; role: Role; title: string; groups: string[]; unit: (street: string, community: string) => string[] }> = [
  { suffix: 'owner', role: 'process-owner', title: '流程管理员', groups: [], unit: (s) => [s] },
  { suffix: 'commander', role: 'street-commander', title: '指挥中心主任', groups: ['command-center'], unit: (s) => [s] },
  { suffix: 'staff', role: 'enforcement-staff', title: '执法队员', groups: ['enforcement'], unit: (s) => [s, 'chengguan'] },
  { suffix: 'liaison', role: 'department-liaison', title: '部门联络员', groups: ['liaison'], unit: (s) => [s, 'shichang'] },
  { suffix: 'volunteer', role: 'volunteer', title: '志愿者', groups: ['volunteers'], unit: (_s, c) => [c] },
  { suffix: 'resident', role: 'resident', title: '居民', groups: ['residents'], unit: (_s, c) => [c] },
  { suffix: 'auditor', role: 'auditor', title: '审计员', groups: [], unit: (s) => [s] },
  { suffix: 'admin', role: 'admin', title: '系统管理员', groups: [], unit: (s) => [s] },
  { suffix: 'job-worker', role: 'job-worker', title: '作业程序账号', groups: [], unit: (s) => [s] },
];

/** Demo users: `<street>-<role>` for each street and role, plus district-wide `admin`, `owner` and `auditor`. */
export const DEMO_USERS: SeedUser[] = [
  { username: 'admin', displayName: '区级系统管理员', roles: ['admin'], groups: [], orgUnits: ['shijingshan'], streets: ['*'], jobTypes: [] },
  { username: 'owner', displayName: '区级流程管理员', roles: ['process-owner'], groups: [], orgUnits: ['shijingshan'], streets: ['*'], jobTypes: [] },
  { username: 'auditor', displayName: '区级审计员', roles: ['auditor'], groups: [], orgUnits: ['shijingshan'], streets: ['*'], jobTypes: [] },
  ...DEMO_STREETS.flatMap((s) =>
    perStreet.map((p) => ({
      username: `${s.id}-${p.suffix}`,
      displayName: `${s.name}${p.title}`,
      roles: [p.role],
      groups: p.groups,
      orgUnits: p.unit(s.id, s.community.id),
      streets: [s.id],
      jobTypes: p.role === 'job-worker' ? ['*'] : [],
    })),
  ),
];

/** The password of every demo user. */
export const DEMO_PASSWORD = 'sparrow-demo';
