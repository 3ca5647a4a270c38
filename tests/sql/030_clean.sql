.headers on
.nullvalue NULL
-- cn_clean(): each artifact of PDF text extraction, on the project's own lines.
-- hard wraps at the column width, a blank line between every line
SELECT quote(cn_clean(replace('全县上下紧紧围绕转型发展这一主|线，项目建设按下“快进键”，多|个重点工程项目正式开工建设，|一批民生项目加快推进。|本报讯 今天，全县召开大会。', '|', char(10) || char(10)))) AS wraps;
-- a number split from its unit by a wrap or by spaces
SELECT quote(cn_clean('完成地区生产总值 36
亿元，日处理污水 5 万吨，2余万人次')) AS number_unit;
-- letter-spaced runs and a space left for a missing glyph
SELECT quote(cn_clean('协 调 各 部 门 解 决 问 题，率先 出一条新路')) AS spacing;
-- Latin words keep their spaces; full-width digits and letters fold, Chinese punctuation stays
SELECT quote(cn_clean('香港 CSE 公司，ＡＢＣ　１２３，Open Source Day。（一）“六新”')) AS width;
-- doubled bold runs, run by run and character by character (a long run, or one with digits)
SELECT quote(cn_clean('青岚交警青岚交警：：护航护航““平安考季平安考季””')) AS doubled_runs,
       quote(cn_clean('让让祖祖国国大大地地更更加加绿绿意意盎盎然然')) AS doubled_chars,
       quote(cn_clean('22002244年年基基本本规规定定')) AS doubled_digits;
-- real reduplication survives, also on a line of its own: eight Han characters
-- doubled one by one are four AA words as well, and are kept
SELECT quote(cn_clean('天天锻炼，谢谢大家，研究研究再说，看看常常人人个个一一落实，一周一小结')) AS reduplication,
       quote(cn_clean('家家户户欢欢喜喜')) AS aabb, quote(cn_clean('红红火火热热闹闹')) AS title,
       quote(cn_clean('研究研究讨论讨论')) AS abab, quote(cn_clean('基基本本规规定定')) AS short_doubled;
-- paragraph breaks stay at a dateline and after a byline
SELECT quote(cn_clean('项目全部开工。（张三 李四）
本报讯 今天，全县召开大会。')) AS breaks;
-- cleaning only removes whitespace and doubled copies
SELECT length(replace(replace(replace(cn_clean(t), ' ', ''), char(10), ''), '　', '')) =
       length(replace(replace(replace(t, ' ', ''), char(10), ''), '　', '')) AS lossless
FROM (SELECT '第一行文字
第二行 文字 123
第三行　ABC' AS t);
-- cleaning twice changes nothing: Markdown headings and links, table rows, a run printed four times
SELECT quote(cn_clean(t)) AS markdown, cn_clean(cn_clean(t)) = cn_clean(t) AS idempotent
FROM (SELECT '[查看原文](https://tv.cctv.com/x.shtml)

### 【领航中国】共护一江水

<p>长江是中华民族的母亲河。</p>

---' AS t);
SELECT quote(cn_clean(t)) AS table_rows, cn_clean(cn_clean(t)) = cn_clean(t) AS idempotent
FROM (SELECT '三里城镇喜获示范村镇称号 |
|
作者:' AS t);
SELECT quote(cn_clean(t)) AS quadrupled, cn_clean(cn_clean(t)) = cn_clean(t) AS idempotent
FROM (SELECT '交交交交城城城城县县县县召召召召开开开开大大大大会会会会' AS t);
-- a run printed six times and cut: the copies kept straddle the run's edges; a space is kept
-- only where what is kept holds a name list (the last bracket is never closed)
SELECT quote(cn_clean(t)) AS straddled, cn_clean(cn_clean(t)) = cn_clean(t) AS idempotent
FROM (SELECT '（记者 王立）。（记者 王立）。（记者 王立）。（记者 王立）。（记者 王立）。（记者 王立）。（记者 王' AS t);
-- NULL, empty, BLOB, number
SELECT cn_clean(NULL) AS n, quote(cn_clean('')) AS e, cn_clean(cast('一 二' AS blob)) AS b, cn_clean(12) AS i;
-- bad UTF-8
SELECT cn_clean(x'e4b8ade6');
-- 10 MB of one character, a million blank lines
SELECT length(cn_clean(replace(hex(zeroblob(5000000)), '00', '字'))) AS one_char;
SELECT length(cn_clean(replace(hex(zeroblob(1000000)), '00', char(10)))) AS blank_lines;
-- compatibility forms of ideographs (PDF fonts that share glyphs): Kangxi
-- radicals, the radicals supplement, compatibility ideographs fold to the
-- ideograph, for cn_clean, cn_number, cn_unit and metrics() alike
SELECT cn_clean('⼤⼈⺠⽣活，陕⻄，全长3.5公⾥') AS folded, cn_clean(char(63744)) = char(35912) AS compat,
       cn_number('3.5公⾥') AS km, cn_unit('3.5公⾥') AS km_unit, cn_unit('12万⼈次') AS visits,
       cn_number('12万⼈次') AS visits_n, cn_unit('宽8⽶') AS metre;
SELECT raw, value, unit FROM metrics('全长3.5公⾥，接待游客12万⼈次，宽8⽶。');
-- fake bold printed as a staircase (the run twice, row by row): the run once;
-- lines that only start alike are left as they are
SELECT cn_clean('让祖国大' || char(10) || '让祖国大地更加绿意盎然生机' || char(10) || '地更加绿意盎然生机勃发' || char(10) || '勃发') AS staircase,
       cn_clean('一是加强组织领导' || char(10) || '一是加强组织领导，压实责任' || char(10) || '二是强化督导检查。') AS list;
