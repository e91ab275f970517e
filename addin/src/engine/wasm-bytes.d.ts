/**
 * A virtual module rather than `import … from '…/coop_engine_bg.wasm'`: wasm-bindgen writes
 * coop_engine_bg.wasm.d.ts beside the module, which TypeScript would pick up and type as
 * the Wasm exports instead of the bytes esbuild's binary loader produces.
 */
declare module 'virtual:coop-engine-wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
