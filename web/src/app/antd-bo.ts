import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/es/locale/zh_CN';

/**
 * antd ships no Tibetan: the texts a person meets most (date pickers, pagination, dialogs, empty
 * tables) in Tibetan, the rest of the Chinese locale underneath, with its Chinese date formats.
 * Like the bo catalogues, awaiting review by a native speaker.
 */
const OK = 'གཏན་འཁེལ།';
const CANCEL = 'འདོར་བ།';
const EMPTY = 'གཞི་གྲངས་མེད།';

export const boCN: Locale = {
  ...zhCN,
  locale: 'bo',
  global: { ...zhCN.global, placeholder: 'འདེམས་རོགས།', close: 'སྒོ་རྒྱག' },
  Pagination: {
    ...zhCN.Pagination,
    items_per_page: '/ཤོག་ངོས།',
    jump_to: 'མཆོང་།',
    jump_to_confirm: OK,
    page: 'ཤོག་ངོས།',
    prev_page: 'ཤོག་ངོས་སྔ་མ།',
    next_page: 'ཤོག་ངོས་རྗེས་མ།',
  },
  DatePicker: {
    ...zhCN.DatePicker!,
    lang: {
      ...zhCN.DatePicker!.lang,
      placeholder: 'ཚེས་གྲངས་འདེམས་རོགས།',
      yearPlaceholder: 'ལོ་འདེམས་རོགས།',
      monthPlaceholder: 'ཟླ་བ་འདེམས་རོགས།',
      rangePlaceholder: ['འགོ་འཛུགས་ཚེས་གྲངས།', 'མཇུག་སྒྲིལ་ཚེས་གྲངས།'],
      rangeYearPlaceholder: ['འགོ་འཛུགས་ལོ།', 'མཇུག་སྒྲིལ་ལོ།'],
      rangeMonthPlaceholder: ['འགོ་འཛུགས་ཟླ་བ།', 'མཇུག་སྒྲིལ་ཟླ་བ།'],
      today: 'དེ་རིང་།',
      now: 'ད་ལྟ།',
      ok: OK,
      clear: 'གཙང་སེལ།',
    },
  },
  Modal: { okText: OK, cancelText: CANCEL, justOkText: OK },
  Popconfirm: { okText: OK, cancelText: CANCEL },
  Empty: { description: EMPTY },
  Table: {
    ...zhCN.Table,
    filterConfirm: OK,
    filterReset: 'བསྐྱར་སྒྲིག',
    emptyText: EMPTY,
    sortTitle: 'གོ་རིམ།',
  },
};
