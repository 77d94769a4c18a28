// The part of sql.js (SQLite in wasm) the emulator uses. Hand-written: @types/sql.js pulls in @types/emscripten,
// whose global EmscriptenModule type clashes with web-tree-sitter's own declarations.
declare module "sql.js/dist/sql-wasm-inline.js" {
  export type SqlValue = number | string | Uint8Array | null;
  export interface QueryExecResult {
    columns: string[];
    values: SqlValue[][];
  }
  export interface Statement {
    run(values?: SqlValue[]): void;
    free(): boolean;
  }
  export interface Database {
    run(sql: string, params?: SqlValue[]): Database;
    exec(sql: string): QueryExecResult[];
    prepare(sql: string): Statement;
    create_function(name: string, func: (...args: never[]) => SqlValue): Database;
    close(): void;
  }
  export interface SqlJsStatic {
    Database: new () => Database;
  }
  export default function initSqlJs(config?: { locateFile?: (file: string) => string }): Promise<SqlJsStatic>;
}
