/**
 * The task pane's own words (the table's shape and lookup are bilingual.ts's, shared with the
 * web page). The flow brings its own messages (in the locale it was run with); these are only
 * the words around them.
 */
import { lookup, SHARED_TEXT, type Bilingual } from './bilingual.js';

export { htmlLang, type Bilingual, type Locale } from './bilingual.js';

export const TEXT = {
  ...SHARED_TEXT,
  title: { zh: '校企合作考核', en: 'School–enterprise cooperation assessment' },
  switchLocale: { zh: 'English', en: '中文' },
  switchLocaleHint: { zh: 'Switch to English', en: '切换为中文' },
  ready: {
    zh: '请按顺序操作：插入填报模板 → 填写 → 检查填报 → 计算得分 → 生成汇总。',
    en: 'Work in order: insert the template → fill it in → validate → fill scores → build the summary.',
  },
  templateOptions: { zh: '新模板', en: 'New template' },
  department: { zh: '院系名称', en: 'Department' },
  departmentPlaceholder: { zh: '例如：计算机学院', en: 'e.g. School of Computing' },
  year: { zh: '考核年度', en: 'Year' },
  yearPlaceholder: { zh: '例如：2023-2024', en: 'e.g. 2023-2024' },
  running: { zh: '正在执行：', en: 'Running: ' },
  engineStarting: { zh: '评分引擎启动中，请稍候…', en: 'The scoring engine is starting, please wait…' },
  engineWaiting: { zh: '等待评分引擎启动，随后执行：', en: 'Waiting for the scoring engine, then: ' },
  failed: { zh: '出错了，操作未完成：', en: 'Something went wrong; the action did not finish: ' },
  problems: { zh: '问题', en: 'Problems' },
  problemCount: { zh: ' 项', en: '' },
  filterAll: { zh: '全部', en: 'All' },
  filterErrors: { zh: '错误', en: 'Errors' },
  filterWarnings: { zh: '提醒', en: 'Warnings' },
  noDepartment: { zh: '工作簿', en: 'Workbook' },
  noCell: { zh: '（无单元格）', en: '(no cell)' },
  reportInOtherLocale: {
    zh: '以上结果以英文生成；再次执行该操作可看到中文。',
    en: 'The results above were made in Chinese; run the action again to see them in English.',
  },
  goToSheet: { zh: '查看', en: 'Go to ' },
  problemsHint: { zh: '点击单元格地址可定位到该单元格。', en: 'Click a cell address to select that cell.' },
  selectFailed: { zh: '无法定位到单元格 ', en: 'Could not select cell ' },
  results: { zh: '结果', en: 'Results' },
  source: { zh: '来源', en: 'Source' },
  s1: { zh: '自评分 S1', en: 'Self S1' },
  s2: { zh: '考评分 S2', en: 'Assessor S2' },
  final: { zh: '最终得分', en: 'Final' },
  lines: { zh: '逐项得分与原因', en: 'Line by line, with reasons' },
  selfScore: { zh: '自评', en: 'Self' },
  assessorScore: { zh: '考评', en: 'Assessor' },
  reasons: { zh: '原因', en: 'Reasons' },
  appraisal: { zh: '年度考核表文本（制表符分隔）', en: 'Text for the appraisal form (tab-separated)' },
  copy: { zh: '复制到年度考核表', en: 'Copy for the appraisal form' },
  copied: { zh: '已复制，可直接粘贴到年度考核表。', en: 'Copied: paste it into the appraisal form.' },
  copyFailed: {
    zh: '浏览器不允许写入剪贴板：请点击下面的文本框，按 Ctrl+A 全选后按 Ctrl+C 复制。',
    en: 'The browser refused the clipboard: click the text box below, press Ctrl+A, then Ctrl+C.',
  },
} satisfies Record<string, Bilingual>;

export type TextKey = keyof typeof TEXT;

/**
 * What the status line says while an action runs, in the user's words for it ("正在检查…");
 * a host's own buttons fall back to "正在执行：<label>…".
 */
export const PROGRESS: Record<string, Bilingual> = {
  insertTemplate: { zh: '正在插入填报模板…', en: 'Inserting the template…' },
  addLedger: { zh: '正在添加台账与月报…', en: 'Adding the ledger sheets…' },
  validate: { zh: '正在检查…', en: 'Checking…' },
  fillScores: { zh: '正在计算…', en: 'Calculating…' },
  buildSummary: { zh: '正在汇总…', en: 'Building the summary…' },
  appraisalText: { zh: '正在生成年度考核表…', en: 'Preparing the appraisal form…' },
  clearMarks: { zh: '正在清除标记…', en: 'Clearing the marks…' },
  clearScores: { zh: '正在清除得分…', en: 'Clearing the scores…' },
  adviceSheet: { zh: '正在生成提升建议…', en: 'Listing the suggestions…' },
};

export const t = lookup<TextKey>(TEXT);

/** How lists of reasons are joined in each language. */
export const LIST_SEPARATOR: Record<'zh' | 'en', string> = { zh: '；', en: '; ' };
