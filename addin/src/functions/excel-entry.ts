/**
 * Bundled into the Excel task pane page (the shared runtime's one page), ahead of the pane
 * itself, so the functions are registered whenever the runtime loads — also when Excel
 * starts it only to calculate, with the pane never opened. Registering starts the engine
 * (asynchronously); a function called before it is ready waits for it.
 */
import { embeddedEngine } from '../engine/embedded.js';
import { registerExcelFunctions } from './excel.js';

// Outside Excel (the page opened in a browser, or an Office build without custom
// functions) there is no CustomFunctions global; the pane must still load.
if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function') {
  try {
    registerExcelFunctions(embeddedEngine());
  } catch (error) {
    console.warn('校企合作考核：自定义函数注册失败 / custom functions not registered', error);
  }
}
