-- examples/queries.sql: the queries that every host example runs
-- (examples/cli, examples/python, examples/node, examples/c), against a table
--   pages(name TEXT PRIMARY KEY, text TEXT NOT NULL)
-- that the example fills with one page.  tests/hosts checks that every host
-- prints the same rows.
--
-- Conventions, so that hosts agree byte for byte: each statement ends with a
-- line that ends in ';'; REAL results are turned into text in SQL (Python,
-- JavaScript and the sqlite3 shell each print a double their own way); line
-- breaks inside values are shown as \n.

SELECT 'version' AS q, jcx_version() AS version;

SELECT 'cn_number' AS q, cn_number('248亿元') AS value, cn_unit('248亿元') AS unit,
       typeof(cn_number('248亿元')) AS type;

SELECT 'cn_format' AS q, cn_format(24800000000, '元') AS formatted,
       cn_numeral(35000000) AS numeral;

SELECT 'null' AS q, cn_number(NULL) AS value, (SELECT count(*) FROM metrics(NULL)) AS rows;

SELECT 'columns' AS q, 'articles' AS name,
       (SELECT group_concat(name, ',') FROM pragma_table_info('articles')) AS columns
UNION ALL
SELECT 'columns', 'metrics', (SELECT group_concat(name, ',') FROM pragma_table_info('metrics'));

SELECT 'counts' AS q,
       (SELECT count(*) FROM pages) AS pages,
       (SELECT count(*) FROM pages p, articles(p.text)) AS articles,
       (SELECT count(*) FROM pages p, articles(p.text) a, metrics(a.body)) AS figures;

-- One row per figure: the lateral join page -> articles -> metrics.
SELECT 'figure' AS q, p.name, a.seq AS article,
       replace(a.title, char(10), '\n') AS title,
       m.seq, replace(m.raw, char(10), '\n') AS raw,
       CAST(m.value AS TEXT) AS value, m.unit, m.kind, m.qualifier,
       m.indicator, m.period
FROM pages p, articles(p.text) a, metrics(a.body) m
ORDER BY p.name, a.seq, m.seq;

-- The largest sums of money on the page, as a report writes them.
SELECT 'money' AS q, cn_format(m.value, m.unit) AS amount, m.indicator
FROM pages p, jcx_metrics(p.text) m
WHERE m.kind = 'money'
ORDER BY m.value DESC, m.seq
LIMIT 5;
