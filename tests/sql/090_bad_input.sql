.headers on
.nullvalue NULL
-- Bad input (SPEC "Bad input", STYLE B6): every function and table-valued
-- function, on invalid UTF-8 (start, middle, end; as TEXT and as BLOB),
-- overlong encodings, lone surrogates, NUL bytes, NULL, empty strings,
-- numbers, and a missing argument.  Errors read "<name>: invalid UTF-8 at byte N".
-- Scalars on invalid UTF-8, as TEXT.
SELECT cn_number(cast(x'ff3130e4b887e58583' AS text)) AS cn_number_start;
SELECT cn_unit(cast(x'ff3130e4b887e58583' AS text)) AS cn_unit_start;
SELECT cn_clean(cast(x'ff3130e4b887e58583' AS text)) AS cn_clean_start;
SELECT cn_format(cast(x'ff3130e4b887e58583' AS text)) AS cn_format_start;
SELECT cn_format(5, cast(x'ff3130e4b887e58583' AS text)) AS cn_format_start;
SELECT cn_numeral(cast(x'ff3130e4b887e58583' AS text)) AS cn_numeral_start;
SELECT cn_number(cast(x'3130e4b887ffe58583' AS text)) AS cn_number_middle;
SELECT cn_unit(cast(x'3130e4b887ffe58583' AS text)) AS cn_unit_middle;
SELECT cn_clean(cast(x'3130e4b887ffe58583' AS text)) AS cn_clean_middle;
SELECT cn_format(cast(x'3130e4b887ffe58583' AS text)) AS cn_format_middle;
SELECT cn_format(5, cast(x'3130e4b887ffe58583' AS text)) AS cn_format_middle;
SELECT cn_numeral(cast(x'3130e4b887ffe58583' AS text)) AS cn_numeral_middle;
SELECT cn_number(cast(x'3130e4b887e58583e4b8' AS text)) AS cn_number_end;
SELECT cn_unit(cast(x'3130e4b887e58583e4b8' AS text)) AS cn_unit_end;
SELECT cn_clean(cast(x'3130e4b887e58583e4b8' AS text)) AS cn_clean_end;
SELECT cn_format(cast(x'3130e4b887e58583e4b8' AS text)) AS cn_format_end;
SELECT cn_format(5, cast(x'3130e4b887e58583e4b8' AS text)) AS cn_format_end;
SELECT cn_numeral(cast(x'3130e4b887e58583e4b8' AS text)) AS cn_numeral_end;
SELECT cn_number(cast(x'c0af' AS text)) AS cn_number_overlong;
SELECT cn_unit(cast(x'c0af' AS text)) AS cn_unit_overlong;
SELECT cn_clean(cast(x'c0af' AS text)) AS cn_clean_overlong;
SELECT cn_format(cast(x'c0af' AS text)) AS cn_format_overlong;
SELECT cn_format(5, cast(x'c0af' AS text)) AS cn_format_overlong;
SELECT cn_numeral(cast(x'c0af' AS text)) AS cn_numeral_overlong;
SELECT cn_number(cast(x'3130e08080' AS text)) AS cn_number_overlong3;
SELECT cn_unit(cast(x'3130e08080' AS text)) AS cn_unit_overlong3;
SELECT cn_clean(cast(x'3130e08080' AS text)) AS cn_clean_overlong3;
SELECT cn_format(cast(x'3130e08080' AS text)) AS cn_format_overlong3;
SELECT cn_format(5, cast(x'3130e08080' AS text)) AS cn_format_overlong3;
SELECT cn_numeral(cast(x'3130e08080' AS text)) AS cn_numeral_overlong3;
SELECT cn_number(cast(x'3130eda080' AS text)) AS cn_number_surrogate;
SELECT cn_unit(cast(x'3130eda080' AS text)) AS cn_unit_surrogate;
SELECT cn_clean(cast(x'3130eda080' AS text)) AS cn_clean_surrogate;
SELECT cn_format(cast(x'3130eda080' AS text)) AS cn_format_surrogate;
SELECT cn_format(5, cast(x'3130eda080' AS text)) AS cn_format_surrogate;
SELECT cn_numeral(cast(x'3130eda080' AS text)) AS cn_numeral_surrogate;
SELECT cn_number(cast(x'f4908080' AS text)) AS cn_number_past_10ffff;
SELECT cn_unit(cast(x'f4908080' AS text)) AS cn_unit_past_10ffff;
SELECT cn_clean(cast(x'f4908080' AS text)) AS cn_clean_past_10ffff;
SELECT cn_format(cast(x'f4908080' AS text)) AS cn_format_past_10ffff;
SELECT cn_format(5, cast(x'f4908080' AS text)) AS cn_format_past_10ffff;
SELECT cn_numeral(cast(x'f4908080' AS text)) AS cn_numeral_past_10ffff;
SELECT cn_number(cast(x'3180' AS text)) AS cn_number_lone_continuation;
SELECT cn_unit(cast(x'3180' AS text)) AS cn_unit_lone_continuation;
SELECT cn_clean(cast(x'3180' AS text)) AS cn_clean_lone_continuation;
SELECT cn_format(cast(x'3180' AS text)) AS cn_format_lone_continuation;
SELECT cn_format(5, cast(x'3180' AS text)) AS cn_format_lone_continuation;
SELECT cn_numeral(cast(x'3180' AS text)) AS cn_numeral_lone_continuation;
-- The same bytes as a BLOB are validated the same way.
SELECT cn_number(x'ff3130e4b887e58583') AS cn_number_blob_start;
SELECT cn_unit(x'ff3130e4b887e58583') AS cn_unit_blob_start;
SELECT cn_clean(x'ff3130e4b887e58583') AS cn_clean_blob_start;
SELECT cn_format(x'ff3130e4b887e58583') AS cn_format_blob_start;
SELECT cn_format(5, x'ff3130e4b887e58583') AS cn_format_blob_start;
SELECT cn_numeral(x'ff3130e4b887e58583') AS cn_numeral_blob_start;
SELECT cn_number(x'3130e4b887ffe58583') AS cn_number_blob_middle;
SELECT cn_unit(x'3130e4b887ffe58583') AS cn_unit_blob_middle;
SELECT cn_clean(x'3130e4b887ffe58583') AS cn_clean_blob_middle;
SELECT cn_format(x'3130e4b887ffe58583') AS cn_format_blob_middle;
SELECT cn_format(5, x'3130e4b887ffe58583') AS cn_format_blob_middle;
SELECT cn_numeral(x'3130e4b887ffe58583') AS cn_numeral_blob_middle;
SELECT cn_number(x'3130e4b887e58583e4b8') AS cn_number_blob_end;
SELECT cn_unit(x'3130e4b887e58583e4b8') AS cn_unit_blob_end;
SELECT cn_clean(x'3130e4b887e58583e4b8') AS cn_clean_blob_end;
SELECT cn_format(x'3130e4b887e58583e4b8') AS cn_format_blob_end;
SELECT cn_format(5, x'3130e4b887e58583e4b8') AS cn_format_blob_end;
SELECT cn_numeral(x'3130e4b887e58583e4b8') AS cn_numeral_blob_end;
SELECT cn_number(x'c0af') AS cn_number_blob_overlong;
SELECT cn_unit(x'c0af') AS cn_unit_blob_overlong;
SELECT cn_clean(x'c0af') AS cn_clean_blob_overlong;
SELECT cn_format(x'c0af') AS cn_format_blob_overlong;
SELECT cn_format(5, x'c0af') AS cn_format_blob_overlong;
SELECT cn_numeral(x'c0af') AS cn_numeral_blob_overlong;
SELECT cn_number(x'3130e08080') AS cn_number_blob_overlong3;
SELECT cn_unit(x'3130e08080') AS cn_unit_blob_overlong3;
SELECT cn_clean(x'3130e08080') AS cn_clean_blob_overlong3;
SELECT cn_format(x'3130e08080') AS cn_format_blob_overlong3;
SELECT cn_format(5, x'3130e08080') AS cn_format_blob_overlong3;
SELECT cn_numeral(x'3130e08080') AS cn_numeral_blob_overlong3;
SELECT cn_number(x'3130eda080') AS cn_number_blob_surrogate;
SELECT cn_unit(x'3130eda080') AS cn_unit_blob_surrogate;
SELECT cn_clean(x'3130eda080') AS cn_clean_blob_surrogate;
SELECT cn_format(x'3130eda080') AS cn_format_blob_surrogate;
SELECT cn_format(5, x'3130eda080') AS cn_format_blob_surrogate;
SELECT cn_numeral(x'3130eda080') AS cn_numeral_blob_surrogate;
-- Table-valued functions on invalid UTF-8: an error, no partial rows.
SELECT count(*) AS metrics_start FROM metrics(cast(x'ff3130e4b887e58583' AS text));
SELECT count(*) AS jcx_metrics_start FROM jcx_metrics(cast(x'ff3130e4b887e58583' AS text));
SELECT count(*) AS articles_start FROM articles(cast(x'ff3130e4b887e58583' AS text));
SELECT count(*) AS jcx_articles_start FROM jcx_articles(cast(x'ff3130e4b887e58583' AS text));
SELECT count(*) AS metrics_middle FROM metrics(cast(x'3130e4b887ffe58583' AS text));
SELECT count(*) AS jcx_metrics_middle FROM jcx_metrics(cast(x'3130e4b887ffe58583' AS text));
SELECT count(*) AS articles_middle FROM articles(cast(x'3130e4b887ffe58583' AS text));
SELECT count(*) AS jcx_articles_middle FROM jcx_articles(cast(x'3130e4b887ffe58583' AS text));
SELECT count(*) AS metrics_end FROM metrics(cast(x'3130e4b887e58583e4b8' AS text));
SELECT count(*) AS jcx_metrics_end FROM jcx_metrics(cast(x'3130e4b887e58583e4b8' AS text));
SELECT count(*) AS articles_end FROM articles(cast(x'3130e4b887e58583e4b8' AS text));
SELECT count(*) AS jcx_articles_end FROM jcx_articles(cast(x'3130e4b887e58583e4b8' AS text));
SELECT count(*) AS metrics_overlong FROM metrics(cast(x'c0af' AS text));
SELECT count(*) AS jcx_metrics_overlong FROM jcx_metrics(cast(x'c0af' AS text));
SELECT count(*) AS articles_overlong FROM articles(cast(x'c0af' AS text));
SELECT count(*) AS jcx_articles_overlong FROM jcx_articles(cast(x'c0af' AS text));
SELECT count(*) AS metrics_overlong3 FROM metrics(cast(x'3130e08080' AS text));
SELECT count(*) AS jcx_metrics_overlong3 FROM jcx_metrics(cast(x'3130e08080' AS text));
SELECT count(*) AS articles_overlong3 FROM articles(cast(x'3130e08080' AS text));
SELECT count(*) AS jcx_articles_overlong3 FROM jcx_articles(cast(x'3130e08080' AS text));
SELECT count(*) AS metrics_surrogate FROM metrics(cast(x'3130eda080' AS text));
SELECT count(*) AS jcx_metrics_surrogate FROM jcx_metrics(cast(x'3130eda080' AS text));
SELECT count(*) AS articles_surrogate FROM articles(cast(x'3130eda080' AS text));
SELECT count(*) AS jcx_articles_surrogate FROM jcx_articles(cast(x'3130eda080' AS text));
SELECT count(*) AS metrics_past_10ffff FROM metrics(cast(x'f4908080' AS text));
SELECT count(*) AS jcx_metrics_past_10ffff FROM jcx_metrics(cast(x'f4908080' AS text));
SELECT count(*) AS articles_past_10ffff FROM articles(cast(x'f4908080' AS text));
SELECT count(*) AS jcx_articles_past_10ffff FROM jcx_articles(cast(x'f4908080' AS text));
SELECT count(*) AS metrics_lone_continuation FROM metrics(cast(x'3180' AS text));
SELECT count(*) AS jcx_metrics_lone_continuation FROM jcx_metrics(cast(x'3180' AS text));
SELECT count(*) AS articles_lone_continuation FROM articles(cast(x'3180' AS text));
SELECT count(*) AS jcx_articles_lone_continuation FROM jcx_articles(cast(x'3180' AS text));
SELECT count(*) AS metrics_blob_start FROM metrics(x'ff3130e4b887e58583');
SELECT count(*) AS jcx_metrics_blob_start FROM jcx_metrics(x'ff3130e4b887e58583');
SELECT count(*) AS articles_blob_start FROM articles(x'ff3130e4b887e58583');
SELECT count(*) AS jcx_articles_blob_start FROM jcx_articles(x'ff3130e4b887e58583');
SELECT count(*) AS metrics_blob_middle FROM metrics(x'3130e4b887ffe58583');
SELECT count(*) AS jcx_metrics_blob_middle FROM jcx_metrics(x'3130e4b887ffe58583');
SELECT count(*) AS articles_blob_middle FROM articles(x'3130e4b887ffe58583');
SELECT count(*) AS jcx_articles_blob_middle FROM jcx_articles(x'3130e4b887ffe58583');
SELECT count(*) AS metrics_blob_end FROM metrics(x'3130e4b887e58583e4b8');
SELECT count(*) AS jcx_metrics_blob_end FROM jcx_metrics(x'3130e4b887e58583e4b8');
SELECT count(*) AS articles_blob_end FROM articles(x'3130e4b887e58583e4b8');
SELECT count(*) AS jcx_articles_blob_end FROM jcx_articles(x'3130e4b887e58583e4b8');
-- An error in a later row of a lateral join stops the statement with the same message.
CREATE TABLE pages(id INTEGER PRIMARY KEY, body);
INSERT INTO pages VALUES (1, '投资5亿元'), (2, cast(x'35e4babfff' AS text)), (3, '3吨');
SELECT p.id, m.value FROM pages p, metrics(p.body) m ORDER BY p.id;
SELECT p.id, a.seq FROM pages p, articles(p.body) a ORDER BY p.id;
SELECT id, cn_number(body) FROM pages ORDER BY id;
-- Valid UTF-8 next to the bad bytes still works: the 4-byte maximum and U+FFFF.
SELECT cn_number(cast(x'f48fbfbf3130e4b887' AS text)) AS max_cp, cn_number(cast(x'efbfbf35e590a8' AS text)) AS u_ffff;
-- NUL bytes are valid UTF-8: they are read, never taken as the end of the text.
SELECT length(cast(x'3130e4b887e5858300e680bbe68a95e8b58433e4babfe58583' AS text)) AS sqlite_length_stops_at_nul, length(cast(x'3130e4b887e5858300e680bbe68a95e8b58433e4babfe58583' AS blob)) AS bytes;
SELECT cn_number(cast(x'00003130e4b887' AS text)) AS leading_nuls, cn_unit(cast(x'0035e590a8' AS text)) AS unit_after_nul;
-- nothing to repair in this text, so cleaning gives it back byte for byte, NUL included
SELECT hex(cn_clean(cast(x'3130e4b887e5858300e680bbe68a95e8b58433e4babfe58583' AS text))) = '3130E4B887E5858300E680BBE68A95E8B58433E4BABFE58583' AS cleaned_unchanged;
-- rows on both sides of the NUL, each at its place: bytes are compared, since
-- SQLite's own substr() and length() stop at a NUL.
SELECT count(*) >= 2 AS rows_both_sides, max(start) > 5 AS read_past_nul,
       sum(instr(cast(cast(x'3130e4b887e5858300e680bbe68a95e8b58433e4babfe58583' AS text) AS blob), cast(raw AS blob)) > 0) = count(*) AS raws_in_text
FROM metrics(cast(x'3130e4b887e5858300e680bbe68a95e8b58433e4babfe58583' AS text));
SELECT count(*) >= 1 AS articles_with_nul FROM articles(cast(x'3130e4b887e5858300e680bbe68a95e8b58433e4babfe58583' AS text));
SELECT count(*) >= 2 AS blob_rows_both_sides FROM metrics(x'3130e4b887e5858300e680bbe68a95e8b58433e4babfe58583');
-- NULL in, NULL out; no rows from the table-valued functions.
SELECT cn_number(NULL) AS n, cn_unit(NULL) AS u, cn_clean(NULL) AS c, cn_format(NULL) AS f, cn_format(NULL, '元') AS fu, cn_format(5, NULL) AS f_null_unit, cn_numeral(NULL) AS nu;
SELECT count(*) AS metrics_null FROM metrics(NULL);
SELECT count(*) AS jcx_metrics_null FROM jcx_metrics(NULL);
SELECT count(*) AS articles_null FROM articles(NULL);
SELECT count(*) AS jcx_articles_null FROM jcx_articles(NULL);
-- Empty text: no number, an empty cleaning, no rows.
SELECT cn_number('') AS n, cn_unit('') AS u, quote(cn_clean('')) AS c, cn_format('') AS f, cn_numeral('') AS nu, cn_format(5, '') AS f_empty_unit;
SELECT cn_number(x'') AS n_blob, quote(cn_clean(x'')) AS c_blob;
SELECT count(*) AS metrics_empty FROM metrics('');
SELECT count(*) AS metrics_empty_blob FROM metrics(x'');
SELECT count(*) AS jcx_metrics_empty FROM jcx_metrics('');
SELECT count(*) AS jcx_metrics_empty_blob FROM jcx_metrics(x'');
SELECT count(*) AS articles_empty FROM articles('');
SELECT count(*) AS articles_empty_blob FROM articles(x'');
SELECT count(*) AS jcx_articles_empty FROM jcx_articles('');
SELECT count(*) AS jcx_articles_empty_blob FROM jcx_articles(x'');
-- Text without a number: NULL, not an error.
SELECT cn_number('没有数字') AS n, cn_unit('没有数字') AS u, cn_format('没有数字') AS f, cn_numeral('没有数字') AS nu;
-- Numbers: unchanged by cn_number, read as their text elsewhere.
SELECT cn_number(12) AS i, cn_number(1.5) AS r, cn_unit(12) AS u, cn_clean(12) AS c, typeof(cn_clean(1.5)) AS t;
SELECT typeof(count(*)) AS metrics_int_no_error FROM metrics(12345);
SELECT typeof(count(*)) AS articles_real_no_error FROM articles(3.5);
-- Missing argument.
SELECT * FROM metrics;
SELECT * FROM jcx_metrics;
SELECT * FROM articles;
SELECT * FROM jcx_articles;
SELECT * FROM metrics();
SELECT * FROM articles();
-- Wrong number of arguments to a scalar.
SELECT cn_number();
SELECT cn_number('1', '2');
SELECT cn_format(1, '元', 3);
-- Results longer than SQLITE_LIMIT_LENGTH: "string or blob too big" (SQLITE_TOOBIG).
-- Headings of 20 Han characters and 20 control characters (each escaped as
-- \u0001 in the JSON) make the headings column longer than the text.
CREATE TABLE big(t TEXT);
INSERT INTO big SELECT '新华社北京1月1日电 今天天气很好，大家都很开心。' || char(10) ||
  replace(replace(hex(zeroblob(4)), '00',
    '经济发展报告城乡建设规划交通运输能源水利##########' || char(10) ||
    '科技创新人才培养教育卫生文化体育生态环境##########' || char(10) ||
    '小结' || char(10) || '今天天气很好，大家都很开心。' || char(10)), '#', char(1) || char(1));
SELECT length(t) AS chars, length(cast(t AS blob)) AS bytes FROM big;
SELECT length(headings) AS headings_chars, length(cast(headings AS blob)) AS headings_bytes FROM big, articles(big.t);
.limit length 1000
SELECT length(headings) FROM big, articles(big.t);
SELECT length(body) AS body_fits FROM big, articles(big.t);
SELECT length(text) AS text_fits FROM big, articles(big.t);
.limit length 1000000000
-- cn_clean hands its text over: with a NUL byte inside, the length is kept.
SELECT length(cast(cn_clean(x'e4b8ade69687' || x'00' || x'e69687e5ad97') AS blob)) AS with_nul, hex(cn_clean(x'41004200')) AS nul_hex;
-- a body of 300 KB asked for twice in a row (handed over, then built again)
SELECT length(body) AS len, body = body AS same, length(body) + length(body) = 2 * length(body) AS twice
FROM articles(replace(hex(zeroblob(50000)), '00', '经济发展' || char(10)));
