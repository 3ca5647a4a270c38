.headers on
.nullvalue NULL
-- metrics(): every column on a bulletin-style paragraph.
SELECT seq, start, length, raw, value, value_hi, unit, kind, qualifier, indicator, period
FROM metrics('2022年全县地区生产总值853210万元，比上年增长7.2%。其中，第一产业增加值120450万元，增长4.1%；
第二产业增加值301200万元，下降2.3%。三次产业结构为14.1:35.3:50.6。全年新增就业岗位1500余个，近7万人受益。');
-- The sentence column is the cleaned sentence.
SELECT seq, sentence FROM metrics('总投资 248 亿元，年度计划投资 31 亿元。开工率达 80%。');
-- PDF page text: wraps and spaces inside a quantity are kept in raw, and
-- substr(text, start, length) = raw holds on every row.
CREATE TABLE page(t TEXT);
INSERT INTO page VALUES ('今年共计实施重大项目
87 个，总投资 248 亿元，年度计划投资 31 亿
元。1-6 月份,交城县完成地区生产总值 36
亿元，社会消费品零售总额完成 10亿元；城乡居民人均可支配收入分别预计完成 12350元、4990元。');
SELECT m.seq, quote(m.raw) AS raw, m.value, m.unit, m.indicator, m.period,
       substr(page.t, m.start, m.length) = m.raw AS offsets_ok
FROM page, metrics(page.t) m;
-- Not quantities: dates, ordinals, slogans, idioms, names.
SELECT count(*) AS none FROM metrics('9月2日，第36个教师节前夕，召开“五位一体”推进会，走出一条新路，建设5G网络。');
-- Chinese numerals, ranges, fractions, full-width digits, qualifiers.
SELECT raw, value, value_hi, unit, kind, qualifier FROM metrics('新购入两台拖拉机，年产3-5万吨，约三分之一的耕地，完成投资４７０３万元，500余册图书，3000人以上。');
-- A flattened table: units from the header, the period from the caption.
SELECT raw, value, unit, kind, indicator, period FROM metrics('表1 2016年各区生产总值
指标 | 绝对量(亿元) | 比上年增长(%) |
东城区 | 3445.34 | 9.3 |
西城区 | 971.31 | -1.2 |');
-- Rows are produced lazily: LIMIT stops early on a long text.
SELECT count(*) AS first_three FROM (SELECT * FROM metrics(replace(hex(zeroblob(20000)), '00', '投资5亿元，')) LIMIT 3);
-- 10 MB of digits and of 万: no rows, no error, linear time.
SELECT count(*) AS digits FROM metrics(replace(hex(zeroblob(5000000)), '00', '12'));
SELECT count(*) AS wan FROM metrics(replace(hex(zeroblob(1700000)), '00', '万万'));
