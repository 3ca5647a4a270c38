.headers on
.nullvalue NULL
-- articles(): the bundled sample page (the project's own text, written in the
-- style of a county newspaper page as PDF extraction leaves it).
CREATE TABLE pages(name TEXT, text TEXT);
INSERT INTO pages VALUES ('page', readfile('../../sql/sample/page.txt'));
SELECT a.seq, a.title, a.kicker, a.dateline, a.byline, a.headings
FROM pages p, articles(p.text) a;
-- spans: in order, inside the text, not overlapping; the body is cleaned text
SELECT a.seq, a.start > 0 AND a.start + a.length - 1 <= length(p.text) AS inside,
       a.start >= coalesce(lag(a.start + a.length) OVER (ORDER BY a.seq), 1) AS in_order,
       instr(a.body, char(10) || char(10)) = 0 AS no_blank_lines,
       substr(a.body, 1, 10) AS body_starts
FROM pages p, articles(p.text) a;
-- headings through json_each
SELECT a.seq, h.value AS heading FROM pages p, articles(p.text) a, json_each(a.headings) h;
-- extra predicates on visible columns
SELECT seq, title FROM pages p, articles(p.text) WHERE title LIKE '%交警%' OR byline LIKE '许%';
-- composes with metrics(): figures by article
SELECT a.seq, count(m.seq) AS figures, sum(m.kind = 'money') AS money
FROM pages p, articles(p.text) a, metrics(a.body) m GROUP BY a.seq;
-- a text with no article structure: one row, the whole text as body
SELECT seq, title, dateline, byline, body, start, length FROM articles('全县粮食总产量再创新高。');
-- a brief with dateline and byline
SELECT title, dateline, byline, body FROM articles('小镇新建文化广场
本报讯 近日，小镇新建的文化广场正式投入使用，广场占地1.2万平方米。（王明 李华）');
-- pathological: 100,000 datelines, a 10 MB line without breaks
SELECT count(*) > 0 AS rows FROM articles(replace(hex(zeroblob(100000)), '00', '本报讯' || char(10)));
SELECT count(*) AS rows FROM articles(replace(hex(zeroblob(5000000)), '00', '文字'));
-- a subtitle (副题) has a column of its own and is not a heading
SELECT title, subtitle, headings FROM articles('梅川县推进生态产品价值实现
——梅川县生态文明建设调查
本报讯（记者 黄伟）今年以来，梅川县坚持生态优先，生态产品价值实现机制不断完善。');
