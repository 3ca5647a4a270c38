.headers on
.nullvalue NULL
-- Table-valued function contract, shared by metrics() and articles().
-- NULL gives no rows; '' gives no rows.
SELECT count(*) AS null_rows FROM metrics(NULL);
SELECT count(*) AS empty_rows FROM metrics('');
SELECT count(*) AS null_rows FROM articles(NULL);
SELECT count(*) AS empty_rows FROM articles('');
-- Missing argument.
SELECT * FROM metrics;
SELECT * FROM articles();
-- Invalid UTF-8 names the function and the byte.
SELECT * FROM metrics(cast(x'e4b8ade696876fff' AS text));
SELECT * FROM articles(x'41ff');
-- seq equals rowid, and substr(text, start, length) = raw on every row.
SELECT count(*) > 0 AS has_rows, sum(seq = rowid) = count(*) AS seq_is_rowid,
       sum(substr(text, start, length) = raw) = count(*) AS offsets_ok
FROM metrics('总投资 248 亿元，其中 2020 年完成 36
亿元，开工率达 80%。');
-- A lateral join, with a row whose body is NULL.
CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO docs VALUES (1, '投资4703万元'), (2, NULL), (3, '新建学校5所，教师115名');
SELECT d.id, m.seq, m.value, m.unit FROM docs d, metrics(d.body) m ORDER BY d.id, m.seq;
SELECT d.id, count(a.seq) AS n FROM docs d LEFT JOIN articles(d.body) a GROUP BY d.id;
-- Extra predicates on visible columns are applied by SQLite.
SELECT value, unit FROM metrics('5所学校，115名教师，3亿元') WHERE unit LIKE '名%' OR value > 1000;
-- The alias still works when a user table hides the eponymous name.
CREATE TABLE metrics(x);
SELECT count(*) AS via_alias FROM jcx_metrics('248亿元');
CREATE TABLE articles(x);
SELECT count(*) AS via_alias FROM jcx_articles('本报讯 今天开会。');
-- A BLOB is read as UTF-8 text, numbers as their text.
SELECT value FROM jcx_metrics(cast('36亿元' AS blob));
SELECT count(*) AS int_arg FROM jcx_metrics(12345);
-- Generated column with trusted_schema=off (innocuous functions only).
PRAGMA trusted_schema = off;
CREATE TABLE t(s TEXT, v AS (cn_number(s)));
INSERT INTO t(s) VALUES ('248亿元'), ('三千五百万');
SELECT s, v FROM t;
CREATE VIEW vm AS SELECT m.value FROM t, jcx_metrics(t.s) m;
SELECT * FROM vm;
-- ORDER BY seq needs no sort.
SELECT seq, value FROM jcx_metrics('1万吨、2万吨、3万吨') ORDER BY seq;
