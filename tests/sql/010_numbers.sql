.headers on
.nullvalue NULL
-- cn_number, cn_unit, cn_format, cn_numeral: every example of SPEC.md, then
-- the grammar of the number core (issue 2), each with its SQL type.
-- SPEC: cn_number
SELECT x, cn_number(x) AS value, typeof(cn_number(x)) AS type
FROM (SELECT column1 AS x FROM (VALUES
  ('248亿元'), ('1.5万'), ('三千五百万'), ('两千零二十'), ('二〇二〇'), ('４７０３万元'),
  ('1,234.5'), ('百分之八十'), ('负三'), ('三分之一'), ('壹佰万元整'), ('4 万多名'),
  ('1.2万亿'), ('万万')));
-- SPEC: cn_unit
SELECT x, cn_unit(x) AS unit, typeof(cn_unit(x)) AS type
FROM (SELECT column1 AS x FROM (VALUES
  ('248亿元'), ('86 万吨'), ('5万标方'), ('3万千瓦'), ('80%'), ('百分之八十')));
-- SPEC: cn_format, cn_numeral; ranges give their lower bound
SELECT cn_format(24800000000, '元') AS format, typeof(cn_format(24800000000, '元')) AS type;
SELECT cn_numeral(35000000) AS numeral, typeof(cn_numeral(35000000)) AS type;
SELECT x, cn_number(x) AS lower_bound, cn_unit(x) AS unit
FROM (SELECT column1 AS x FROM (VALUES ('3-5万吨'), ('三到五万'), ('3至5万')));
-- Arabic digits: decimals, groups, middle dot, full width, signs
SELECT x, cn_number(x) AS value, typeof(cn_number(x)) AS type, cn_unit(x) AS unit
FROM (SELECT column1 AS x FROM (VALUES
  ('1,234.5'), ('28 831处'), ('1·8%'), ('１，２３４'), ('２．５'), ('-5'), ('－５'), ('负 1,200,000'),
  ('.5'), ('16.4亿'), ('0.1亿'), ('1.23456789亿'), ('36' || char(10) || char(10) || '亿元'),
  ('5 万吨'), ('3万5000'), ('25万6千'), ('7 万5 千4 百'), ('2020.9.1'), ('2020-09-01')));
-- Chinese numerals: nested magnitudes, digit by digit, capitals, 廿 卅, traditional forms
SELECT x, cn_number(x) AS value, typeof(cn_number(x)) AS type, cn_unit(x) AS unit
FROM (SELECT column1 AS x FROM (VALUES
  ('一千五百万'), ('十万八千'), ('一万零五百'), ('万万'), ('1.2万亿'), ('一万五千亿'), ('二〇二〇'),
  ('壹仟贰佰叁拾肆元整'), ('肆佰陸拾'), ('廿五'), ('卅'), ('五百卅四'), ('一百零十万'), ('零十'),
  ('兩千零二十噸'), ('三萬畝'), ('五個'), ('十萬元'), ('兩萬元'), ('五億'), ('一百 五 十 二')));
-- Decimals, fractions, percent, per-mille, colloquial tails
SELECT x, cn_number(x) AS value, typeof(cn_number(x)) AS type, cn_unit(x) AS unit
FROM (SELECT column1 AS x FROM (VALUES
  ('三点一四'), ('四万点六'), ('两千三点一'), ('三分之一'), ('一百分之二'), ('负一又二分之一'),
  ('3/4'), ('百分之三点五'), ('12.5%'), ('５．５％'), ('5‰'), ('千分之五'), ('2.4个百分点'),
  ('两万五'), ('三万五'), ('一千三'), ('九十二万四'), ('百二萬'), ('3万5000'), ('25万6千')));
-- Ranges: cn_number gives the lower bound
SELECT x, cn_number(x) AS lower_bound, typeof(cn_number(x)) AS type, cn_unit(x) AS unit
FROM (SELECT column1 AS x FROM (VALUES
  ('3-5万吨'), ('三到五万'), ('3至5万'), ('三五万'), ('十几万'), ('三四十万'), ('十五六'),
  ('一万六七'), ('10000与20000之间'), ('百分之五十到七十'), ('增长5%-8%'), ('20 - 100个')));
-- Qualifiers before, inside and after: the value is the stated number
SELECT x, cn_number(x) AS value, cn_unit(x) AS unit
FROM (SELECT column1 AS x FROM (VALUES
  ('500余册'), ('十多万'), ('3亿多元'), ('约300人'), ('近八成'), ('3000人以上'), ('100元左右'),
  ('超过1000户'), ('逾30亿元'), ('不足500人'), ('至少有10个')));
-- Units: the longest match, magnitude removed
SELECT x, cn_number(x) AS value, cn_unit(x) AS unit
FROM (SELECT column1 AS x FROM (VALUES
  ('3万千瓦'), ('100万千瓦时'), ('5千克'), ('8千米'), ('20兆瓦'), ('3平方公里'), ('86平方米'),
  ('7立方米'), ('5万标方'), ('2余万人次'), ('80亩'), ('12公顷'), ('1200亿美元'), ('1.95港元')));
-- Exactness: decimal arithmetic; past int64 a REAL
SELECT x, cn_number(x) AS value, typeof(cn_number(x)) AS type
FROM (SELECT column1 AS x FROM (VALUES
  ('16.4亿'), ('9223372036854775807'), ('-9223372036854775808'), ('9223372036854775808'),
  ('922337203685477.5807万'), ('1000亿亿')));
-- Numbers that are not quantities, and text without numbers
SELECT x, cn_number(x) AS value
FROM (SELECT column1 AS x FROM (VALUES
  ('一切'), ('四川'), ('十分重要'), ('十分钟'), ('统一'), ('第三卷'), ('第36个，共5个'), ('没有数字')));
-- cn_format and cn_numeral
SELECT v, cn_format(v) AS format, cn_format(v, '元') AS money, cn_numeral(v) AS numeral
FROM (SELECT column1 AS v FROM (VALUES
  (0), (10), (15), (-3), (2020), (20000), (100000), (35000000), (10010000), (100000001),
  (1200000000000), (24800000000), (9223372036854775807), (-9223372036854775808), (3.5), (0.00001)));
-- cn_format and cn_numeral read text through the parser
SELECT cn_format('三千五百万', '元') AS format, cn_numeral('248亿') AS numeral;
-- Round trips: cn_number(cn_format(n)) = n and cn_number(cn_numeral(n)) = n
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000),
v(n) AS (SELECT i * 7919 * (1 - 2 * (i % 2)) FROM c UNION ALL SELECT i FROM c)
SELECT count(*) AS pairs,
       sum(cn_number(cn_format(n)) = n) AS format_roundtrips,
       sum(cn_number(cn_numeral(n)) = n) AS numeral_roundtrips,
       sum(cn_number(cn_format(n, '吨')) = n AND cn_unit(cn_format(n, '吨')) = '吨') AS with_unit
FROM v;
