.headers on
.nullvalue NULL
-- The number functions on bad input: NULL, no number, empty text, BLOB,
-- INTEGER and REAL arguments, invalid UTF-8, and huge or pathological inputs
-- built in SQL (each gives a value or NULL, in time linear in its size).
-- NULL in, NULL out; no number gives NULL, not an error.
SELECT cn_number(NULL) AS n, cn_unit(NULL) AS u, cn_format(NULL) AS f, cn_numeral(NULL) AS c,
       cn_format(NULL, '元') AS fu, cn_format(5, NULL) AS f_null_unit;
SELECT cn_number('') AS n, typeof(cn_number('')) AS t, cn_unit('') AS u, cn_format('') AS f,
       cn_numeral('') AS c;
SELECT cn_number('没有数字') AS n, cn_unit('没有数字') AS u, cn_format('abc') AS f, cn_numeral('abc') AS c;
SELECT cn_unit('5') AS no_unit, cn_unit('五') AS no_unit_cn;
-- A BLOB is read as UTF-8 text.
SELECT cn_number(cast('248亿元' AS blob)) AS n, typeof(cn_number(cast('248亿元' AS blob))) AS t,
       cn_unit(cast('248亿元' AS blob)) AS u, cn_numeral(cast('三千五百万' AS blob)) AS c;
SELECT cn_number(x'') AS empty_blob, cn_number(zeroblob(10)) AS nul_bytes;
-- INTEGER and REAL pass through cn_number; cn_unit reads them as text.
SELECT cn_number(42) AS i, typeof(cn_number(42)) AS ti, cn_number(-1.5) AS r, typeof(cn_number(-1.5)) AS tr,
       cn_number(9223372036854775807) AS big, cn_unit(42) AS u, cn_unit(1.5) AS ur;
SELECT cn_format(1.5, '%') AS f, cn_numeral(-7) AS c, cn_numeral(1e300) AS too_big,
       cn_format(1e300) IS NOT NULL AS huge_format;
-- Invalid UTF-8: an error naming the function and the byte.
SELECT cn_number(cast(x'e4b8' AS text));
SELECT cn_number(x'3234ff');
SELECT cn_unit(cast(x'323438e4baffe58583' AS text));
SELECT cn_format(cast(x'ff' AS text));
SELECT cn_numeral(x'c0af');
-- A value past a double gives NULL, never Inf.
SELECT cn_number(replace(hex(zeroblob(155)), '0', '9') || '亿亿') AS past_double,
       typeof(cn_number(replace(hex(zeroblob(150)), '0', '9'))) AS past_int64;
-- A million digits.
SELECT typeof(cn_number(replace(hex(zeroblob(500000)), '0', '9'))) AS million_nines,
       cn_number(replace(hex(zeroblob(500000)), '0', '0') || '7') AS million_zeros_then_7,
       length(replace(hex(zeroblob(500000)), '0', '9')) AS len;
-- 100,000 x 万, 万万万, and a million Chinese digits.
SELECT typeof(cn_number(replace(hex(zeroblob(100000)), '00', '万'))) AS wan_100000,
       cn_number('万万万') AS wan3,
       typeof(cn_number(replace(hex(zeroblob(500000)), '0', '一'))) AS million_yi;
-- Long runs of 零, 十, '-', 几, 点 and letter-spaced digits.
SELECT cn_number(replace(hex(zeroblob(500000)), '0', '零')) AS zeros,
       cn_number(replace(hex(zeroblob(500000)), '0', '十')) AS tens,
       cn_number(replace(hex(zeroblob(500000)), '0', '-')) AS dashes,
       cn_number(replace(hex(zeroblob(500000)), '0', '-') || '5') AS dashes_then_5,
       cn_number(replace(hex(zeroblob(500000)), '0', '几')) AS ji,
       cn_number(replace(hex(zeroblob(500000)), '0', '点')) AS dian,
       typeof(cn_number(replace(hex(zeroblob(500000)), '0', '三 '))) AS spaced;
-- 10 MB in one argument: no number, and a number at its very end.
SELECT cn_number(replace(hex(zeroblob(5000000)), '0', 'a')) AS ten_mb_no_number,
       cn_number(replace(hex(zeroblob(1700000)), '0', '文') || '248亿元') AS ten_mb_then_number,
       cn_unit(replace(hex(zeroblob(1700000)), '0', '文') || '3万千瓦') AS ten_mb_unit;
-- Many rows of generated numbers: every row gives a value or NULL.
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 50000)
SELECT count(*) AS rows, count(cn_number(x)) AS values_found,
       sum(typeof(cn_number(x)) IN ('integer', 'real', 'null')) AS typed
FROM (SELECT CASE i % 6 WHEN 0 THEN i || '.' || (i % 10) || '亿元' WHEN 1 THEN cn_numeral(i * 37)
      WHEN 2 THEN '约' || (i % 500) || ' 万吨' WHEN 3 THEN (i % 100) || '%' WHEN 4 THEN '第' || i || '个'
      ELSE printf('%,d', i * 13) || '人' END AS x FROM c);
-- white space the cleaner removes (a BOM, a zero-width space, a line separator) reads as metrics() reads it
SELECT cn_number('36' || char(65279) || '亿元'), cn_number('36' || char(8203) || '亿元'), cn_number('36' || char(8232) || '亿元'), cn_number('三十' || char(8203) || '六亿元');
