/**
 * The entry of dist/xlsx-reader.js (see xlsx-reader-api.ts): the .xlsx host and ExcelJS in a
 * bundle of their own, which the Excel task pane loads only when it needs to read a picked
 * workbook. Running it publishes the reader on the global object and does nothing else.
 */
import { XlsxHost } from './xlsx.js';
import { readerGlobal, XLSX_READER_GLOBAL, type XlsxReader } from './xlsx-reader-api.js';

const reader: XlsxReader = { open: (bytes) => XlsxHost.load(bytes) };
readerGlobal()[XLSX_READER_GLOBAL] = reader;
