/** The full path of the compiled libjcx library inside this package. */
export function getLoadablePath(): string;
/** Loads libjcx into a better-sqlite3 (12) connection. */
export function load(db: { loadExtension(path: string, entryPoint?: string): unknown }): void;
/** The library's entry point, `sqlite3_jcx_init`. */
export const ENTRY_POINT: string;
