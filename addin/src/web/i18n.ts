/**
 * The web page's own words (the table's shape and lookup are ui/bilingual.ts's, shared with
 * the task pane). The flow and the task pane bring their own texts; these are only what the
 * page adds around them.
 */
import { lookup, SHARED_TEXT, type Bilingual, type Locale } from '../ui/bilingual.js';

const TEXTS = {
  ...SHARED_TEXT,
  title: { zh: '校企合作考核 · 网页版', en: 'School–enterprise cooperation assessment · web' },
  tagline: {
    zh: '不用安装加载项：打开院系填好的 .xlsx 工作簿，检查、计分，再下载结果。文件只在本机浏览器中处理，不会上传。',
    en: "No add-in needed: open a department's filled-in .xlsx workbook, check it, score it and download the result. Files stay in this browser; nothing is uploaded.",
  },
  language: { zh: 'English', en: '中文' },
  singleTitle: { zh: '一个院系的工作簿', en: "One department's workbook" },
  singleHint: {
    zh: '把 .xlsx 文件拖到这里，或点击选择文件。',
    en: 'Drop an .xlsx file here, or click to choose one.',
  },
  openSample: { zh: '打开示例工作簿', en: 'Open the sample workbook' },
  downloadTemplate: { zh: '下载空白模板', en: 'Download the empty template' },
  batchTitle: { zh: '汇总多个院系', en: 'Summarise several departments' },
  batchHint: {
    zh: '把各院系交回的工作簿一起拖到这里（可多选），逐个检查、计分并排名。',
    en: "Drop all the departments' returned workbooks here (several at once); each is checked, scored and ranked.",
  },
  opened: { zh: '已打开', en: 'Opened' },
  working: { zh: '正在处理…', en: 'Working…' },
  notXlsx: { zh: '只能打开 .xlsx 工作簿', en: 'Only .xlsx workbooks can be opened' },
  problemsTitle: { zh: '需要修改的单元格', en: 'Cells to fix' },
  problemsNoDownload: {
    zh: '有问题的单元格已在左侧列出：在 Excel 中修改后重新打开文件，才能下载结果。',
    en: 'The cells with problems are listed on the left: fix them in Excel and open the file again to download the result.',
  },
  base: { zh: '基础分', en: 'Base' },
  deduction: { zh: '扣分', en: 'Deduction' },
  bonus: { zh: '加分', en: 'Bonus' },
  score: { zh: '得分', en: 'Score' },
  reason: { zh: '原因', en: 'Why' },
  selfScore: { zh: '自评 S1', en: 'Self S1' },
  assessorScore: { zh: '考评 S2', en: 'Assessor S2' },
  finalScore: { zh: '最终得分', en: 'Final' },
  total: { zh: '合计', en: 'Total' },
  downloadWorkbook: { zh: '下载计分后的工作簿', en: 'Download the scored workbook' },
  downloadSummary: { zh: '下载汇总工作簿', en: 'Download the summary workbook' },
  appraisalTitle: { zh: '年度考核表文本（制表符分隔，可直接粘贴）', en: 'Text for the appraisal form (tab-separated, ready to paste)' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  remove: { zh: '移除', en: 'Remove' },
  workbooks: { zh: '工作簿', en: 'Workbooks' },
  status: { zh: '状态', en: 'Status' },
  statusOk: { zh: '通过', en: 'OK' },
  statusBad: { zh: '有错误', en: 'Has errors' },
  batchBlocked: {
    zh: '还有工作簿有错误：修改后重新拖入，或移除它，才能下载汇总。',
    en: 'Some workbooks still have errors: fix and drop them again, or remove them, before the summary can be downloaded.',
  },
  preview: { zh: '单元格位置', en: 'Cell location' },
  print: { zh: '打印 / 存为 PDF', en: 'Print / save as PDF' },
  printSheetTitle: { zh: '郴州职业技术学院校企合作考核评分表', en: 'School–enterprise cooperation assessment: score sheet' },
  printSummaryTitle: { zh: '郴州职业技术学院校企合作考核汇总表', en: 'School–enterprise cooperation assessment: summary' },
  printDepartment: { zh: '院系', en: 'Department' },
  printYear: { zh: '考核年度', en: 'Year' },
  printDate: { zh: '打印日期', en: 'Printed' },
  printWeights: { zh: '最终得分 = 自评 S1 × {self} + 考评 S2 × {assessor}', en: 'Final = self S1 × {self} + assessor S2 × {assessor}' },
  printReasons: { zh: '扣分、加分原因', en: 'Reasons for deductions and bonuses' },
  signAssessors: { zh: '考核组成员签字：', en: 'Assessors (signatures):' },
  signHead: { zh: '院系负责人签字：', en: 'Head of department (signature):' },
  signOffice: { zh: '产教研合作中心负责人签字：', en: 'Cooperation centre (signature):' },
  signDate: { zh: '日期：', en: 'Date:' },
  copyNotice: {
    zh: '下载的是一份副本：原文件不变。图表、数据透视表和宏不会保留在副本中。',
    en: 'The download is a copy; your original file is unchanged. Charts, pivot tables and macros are not kept in the copy.',
  },
} satisfies Record<string, Bilingual>;

export type TextKey = keyof typeof TEXTS;

export const text = lookup<TextKey>(TEXTS);

/** Puts the texts into every element marked `data-i18n="key"`. */
export function translatePage(root: ParentNode, locale: Locale): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = el.dataset.i18n as TextKey;
    if (key in TEXTS) el.textContent = text(locale, key);
  }
}
