-- make demo: the main job on the bundled sample page (sql/sample/page.txt),
-- a county newspaper page as PDF text extraction leaves it.
.headers on
.mode box
CREATE TABLE pages(name TEXT, text TEXT);
INSERT INTO pages VALUES ('page.txt', readfile('sql/sample/page.txt'));

.print
.print articles on the page
SELECT a.seq, a.title, a.dateline, a.byline, length(a.body) AS chars
FROM pages p, articles(p.text) a;

.print
.print every figure, with its article, indicator and period
SELECT a.seq AS art, m.raw, m.value, m.unit, m.kind, m.qualifier, m.indicator, m.period
FROM pages p, articles(p.text) a, metrics(a.body) m;

.print
.print the largest sums of money
SELECT m.indicator, cn_format(m.value, m.unit) AS amount, m.period
FROM pages p, metrics(p.text) m WHERE m.kind = 'money' ORDER BY m.value DESC LIMIT 5;

.print
.print scalar functions
SELECT cn_number('248亿元') AS cn_number, cn_unit('86 万吨') AS cn_unit,
       cn_format(24800000000, '元') AS cn_format, cn_numeral(35000000) AS cn_numeral;
