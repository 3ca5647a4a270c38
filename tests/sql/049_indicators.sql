-- jcx_indicators(): the table of standard indicators (name, synonyms, unit, kind).
SELECT count(*) >= 150, count(DISTINCT name) = count(*) FROM jcx_indicators();
SELECT name, synonyms LIKE '%GDP%', unit, kind FROM jcx_indicators() WHERE name = '地区生产总值';
SELECT name, unit, kind FROM jcx_indicators() WHERE name IN ('常住人口', '粮食产量', '城镇化率') ORDER BY name;
-- every kind is one metrics() uses
SELECT DISTINCT kind FROM jcx_indicators() WHERE kind NOT IN
  ('other','money','mass','volume','area','length','energy','count','people','percent','growth','duration');
-- cn_indicator_norm(text): the standard name
SELECT x, cn_indicator_norm(x) FROM (SELECT column1 AS x FROM (VALUES
  ('生产总值'), ('GDP'), ('国内生产总值'), ('全市地区生产总值'), ('地区生产总值（GDP）'),
  ('國內生產總值'), ('我县实现地区生产总值'), ('山西省吕梁市地区生产总值'),
  ('地区生产总值增速'), ('国内生产总值(年均)'), ('全县常住人口增减量'),
  ('三次产业结构:第一产业占比'), ('城镇居民人均可支配收入'), ('人均可支配收入'),
  ('规上工业增加值'), ('社零额'), ('一般预算收入'), ('全社会固定资产投资'),
  ('接待游客'), ('模范教师'), ('')));
-- GROUP BY the standard name across spellings
SELECT cn_indicator_norm(ind) AS n, count(*) FROM (SELECT column1 AS ind FROM (VALUES
  ('地区生产总值'), ('GDP'), ('全县生产总值'), ('粮食总产量'), ('粮食产量'))) GROUP BY n ORDER BY n;
-- the table's names are their own standard names
SELECT count(*) FROM jcx_indicators() WHERE cn_indicator_norm(name) <> name;
-- NULL in, NULL out; invalid UTF-8 is an error; a long text comes back as it is
SELECT cn_indicator_norm(NULL) IS NULL;
SELECT length(cn_indicator_norm(printf('%.*c', 600, 'x')));
SELECT cn_indicator_norm(CAST(X'E4BD' AS TEXT));
