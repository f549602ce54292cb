import type { BuiltinRole } from '../access/roles.js';
import type { UnitKind } from './schema.js';

/** GB/T 2260 and the statistical division codes (shared/seed/suo_county_townships.csv for Suo's townships). */
export const demoDivisions: { code: string; name: string; level: number; parent: string | null }[] = [
  { code: '540000', name: '西藏自治区', level: 1, parent: null },
  { code: '540600', name: '那曲市', level: 2, parent: '540000' },
  { code: '540602', name: '色尼区', level: 3, parent: '540600' },
  { code: '540621', name: '嘉黎县', level: 3, parent: '540600' },
  { code: '540622', name: '比如县', level: 3, parent: '540600' },
  { code: '540623', name: '聂荣县', level: 3, parent: '540600' },
  { code: '540624', name: '安多县', level: 3, parent: '540600' },
  { code: '540625', name: '申扎县', level: 3, parent: '540600' },
  { code: '540626', name: '索县', level: 3, parent: '540600' },
  { code: '540627', name: '班戈县', level: 3, parent: '540600' },
  { code: '540628', name: '巴青县', level: 3, parent: '540600' },
  { code: '540629', name: '尼玛县', level: 3, parent: '540600' },
  { code: '540630', name: '双湖县', level: 3, parent: '540600' },
  { code: '540626100', name: '亚拉镇', level: 4, parent: '540626' },
  { code: '540626101', name: '荣布镇', level: 4, parent: '540626' },
  { code: '540626201', name: '若达乡', level: 4, parent: '540626' },
  { code: '540626202', name: '加勤乡', level: 4, parent: '540626' },
  { code: '540626203', name: '赤多乡', level: 4, parent: '540626' },
  { code: '540626205', name: '西昌乡', level: 4, parent: '540626' },
  { code: '540626206', name: '江达乡', level: 4, parent: '540626' },
  { code: '540626208', name: '热瓦乡', level: 4, parent: '540626' },
  { code: '540626209', name: '嘎美乡', level: 4, parent: '540626' },
  { code: '540626210', name: '嘎木乡', level: 4, parent: '540626' },
];

/** Suo's 28 county departments (县直部门), with the login of each one's clerk. */
export const suoDepartments: [name: string, login: string][] = [
  ['索县人民政府办公室', 'zfb'],
  ['索县发展和改革委员会', 'fgw'],
  ['索县教育局', 'jiaoyu'],
  ['索县公安局', 'gongan'],
  ['索县民政局', 'minzheng'],
  ['索县财政局', 'caizheng'],
  ['索县人力资源和社会保障局', 'renshe'],
  ['索县自然资源局', 'ziran'],
  ['索县住房和城乡建设局', 'zhujian'],
  ['索县交通运输局', 'jiaotong'],
  ['索县农业农村局', 'nongye'],
  ['索县水利局', 'shuili'],
  ['索县商务局', 'shangwu'],
  ['索县文化和旅游局', 'wenlv'],
  ['索县卫生健康委员会', 'weijian'],
  ['索县退役军人事务局', 'tuiyi'],
  ['索县应急管理局', 'yingji'],
  ['索县审计局', 'shenji'],
  ['索县市场监督管理局', 'shijian'],
  ['索县统计局', 'tongji'],
  ['索县林业和草原局', 'linye'],
  ['索县医疗保障局', 'yibao'],
  ['索县乡村振兴局', 'xiangcun'],
  ['索县民族宗教事务局', 'minzong'],
  ['那曲市生态环境局索县分局', 'shengtai'],
  ['国家税务总局索县税务局', 'shuiwu'],
  ['索县政务服务中心', 'zhengwu'],
  ['索县城市管理和综合执法局', 'chengguan'],
];

/** Logins of the township clerks, in the order of demoDivisions. */
export const townshipLogins: Record<string, string> = {
  '540626100': 'yala',
  '540626101': 'rongbu',
  '540626201': 'ruoda',
  '540626202': 'jiaqin',
  '540626203': 'chiduo',
  '540626205': 'xichang',
  '540626206': 'jiangda',
  '540626208': 'rewa',
  '540626209': 'gamei',
  '540626210': 'gamu',
};

export interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  division: string;
  parent: string | null;
}

export interface DemoUser {
  username: string;
  displayName: string;
  unit: string;
  role: BuiltinRole;
  /** the grant's scope: the user's own unit (false) or the subtree of `scopeUnit` */
  subtree: boolean;
  scopeUnit?: string;
  mustChangePassword?: boolean;
  phone?: string;
}
