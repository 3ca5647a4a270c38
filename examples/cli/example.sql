-- libjcx in the sqlite3 command-line shell.  From the project root:
--
--   sqlite3 -batch -cmd '.load ./libjcx' :memory: < examples/cli/example.sql
--
-- (.load ./libjcx sqlite3_jcx_init is the same with the entry point spelled
-- out; after `make install`, `.load libjcx` works without a path.)
-- readfile() is the shell's own; it returns a BLOB, which libjcx reads as
-- UTF-8 text; the CAST stores it as TEXT like the other hosts do.
CREATE TABLE pages(name TEXT PRIMARY KEY, text TEXT NOT NULL);
INSERT INTO pages VALUES ('page.txt', CAST(readfile('sql/sample/page.txt') AS TEXT));
.headers on
.mode tabs
.nullvalue NULL
.read examples/queries.sql
