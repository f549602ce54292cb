/**
 * The built-in roles. 三员分立 (separation of duties, GB/T 22239 level 3): the system administrator
 * runs units and users, the security administrator runs roles and grants, the auditor reads only
 * the audit trail; none of them holds another's permissions by default.
 */
export const builtinRoles = {
  sysadmin: { name: '系统管理员', description: '管理组织机构、用户账号、节假日日历' },
  secadmin: { name: '安全管理员', description: '管理角色与授权' },
  auditor: { name: '安全审计员', description: '只查看审计日志' },
  lawOffice: { name: '依法治县办工作人员', description: '统筹全县法治政府建设工作，查看全县数据' },
  cityOffice: { name: '市级依法治市办工作人员', description: '查看所辖各县数据' },
  leader: { name: '县领导', description: '查看驾驶舱与报告，签批' },
  departmentClerk: { name: '县直部门联络员', description: '办理本部门事项' },
  townshipClerk: { name: '乡镇联络员', description: '办理本乡镇事项' },
  mediator: { name: '人民调解员', description: '办理本调委会的调解案件' },
  reconsiderationOfficer: { name: '行政复议人员', description: '办理行政复议案件' },
  counsel: { name: '法律顾问', description: '提供法律咨询与法律意见' },
} as const;

export type BuiltinRole = keyof typeof builtinRoles;

/** Roles whose users do the county's business (not the three administrators). */
export const staffRoles: BuiltinRole[] = [
  'lawOffice',
  'cityOffice',
  'leader',
  'departmentClerk',
  'townshipClerk',
  'mediator',
  'reconsiderationOfficer',
  'counsel',
];
