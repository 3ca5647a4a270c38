.headers on
.nullvalue NULL
-- jcx_markup(text [, date]) (issue 16): the text as one HTML page with every
-- figure of metrics(text) marked where it stands, and a table of the rows.
-- The text division of a short text: escaped, marks in order, titles.
SELECT substr(h, instr(h, '<div class="text">'), instr(h, '</div>') - instr(h, '<div class="text">') + 6) AS text_div
FROM (SELECT jcx_markup('1-6月份，全县完成地区生产总值36亿元，比上年增长5.6%；<b>人均</b> & 12350元。') AS h);
-- The sample page: one mark and one table row per metrics() row, each mark
-- around its row's raw text (escaped), seq in order.
CREATE TABLE page AS SELECT CAST(readfile('../../sql/sample/page.txt') AS TEXT) AS t;
CREATE TABLE page_html AS SELECT jcx_markup(t) AS h FROM page;
SELECT (SELECT count(*) FROM page, metrics(page.t)) AS rows,
       (length(h) - length(replace(h, '<mark ', ''))) / length('<mark ') AS marks,
       (length(h) - length(replace(h, '</mark>', ''))) / length('</mark>') AS closed,
       (length(h) - length(replace(h, '<tr id="r', ''))) / length('<tr id="r') AS table_rows,
       h LIKE '<!DOCTYPE html>%</html>' || char(10) AS whole_page,
       instr(h, '<script') AS scripts
FROM page_html;
SELECT count(*) AS marks_found, sum(pos > prev) AS in_order FROM (
  SELECT pos, lag(pos, 1, 0) OVER (ORDER BY seq) AS prev FROM (
    SELECT m.seq, instr(h, 'data-seq="' || m.seq || '" title="') AS pos,
           instr(h, '">' || replace(replace(replace(m.raw, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
                 || '</mark>') AS raw_pos
    FROM page, metrics(page.t) m, page_html WHERE raw_pos > 0));
-- The hover text of the first figure.
SELECT substr(h, instr(h, 'title="#1 '), instr(substr(h, instr(h, 'title="#1 ')), '">') + 1) AS first_title FROM page_html;
-- A date argument: relative periods counted from it.
SELECT instr(jcx_markup('今年完成投资3亿元。', '2020-09-15'), 'document date: 2020-09-15') > 0 AS dated,
       instr(jcx_markup('今年完成投资3亿元。', 2021), 'document date: 2021<') > 0 AS year_int,
       instr(jcx_markup('今年完成投资3亿元。', NULL), 'document date: none') > 0 AS null_date;
-- NULL, empty, BLOB, a number.
SELECT jcx_markup(NULL) AS null_in, jcx_markup(NULL, '2020') AS null_dated, typeof(jcx_markup('')) AS empty,
       instr(jcx_markup(''), '<h2>0 figures</h2>') > 0 AS no_figures,
       instr(jcx_markup(CAST('投资3亿元' AS BLOB)), '>3亿元</mark>') > 0 AS blob_in,
       instr(jcx_markup(12), '<div class="text">12</div>') > 0 AS int_in;
-- In a lateral join, with a NULL body.
CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO docs VALUES (1, '投资3亿元，增长5%。'), (2, NULL), (3, '无数字。');
SELECT id, (length(h) - length(replace(h, '<mark ', ''))) / 6 AS marks,
       (SELECT count(*) FROM metrics(d.body)) AS rows
FROM (SELECT id, body, jcx_markup(body) AS h FROM docs) d ORDER BY id;
-- Errors: invalid UTF-8 (the message every function gives), a bad date, arity.
SELECT jcx_markup(x'e4b8ad80ff');
SELECT jcx_markup(CAST(x'41ff' AS TEXT));
SELECT jcx_markup('投资3亿元', 'next year');
SELECT jcx_markup('投资3亿元', '1800');
SELECT jcx_markup();
SELECT jcx_markup('a', '2020', 3);
-- Usable where untrusted schemas are: innocuous.
PRAGMA trusted_schema = OFF;
CREATE TABLE g(t TEXT, h TEXT AS (jcx_markup(t)));
INSERT INTO g(t) VALUES ('投资3亿元');
SELECT instr(h, '>3亿元</mark>') > 0 AS generated FROM g;
