-- cn_place(text [, context]), cn_place_code(text [, context]): the place a
-- text is for.  Texts written for these tests.
.headers on
.nullvalue NULL

-- Full names, a chain, a short name with its suffix, a former name.
SELECT cn_place('山西省吕梁市交城县完成投资12亿元') AS place,
       cn_place_code('山西省吕梁市交城县完成投资12亿元') AS code,
       cn_place('恩施州旅游收入') AS short_suffix, cn_place_code('綦江县财政收入') AS former;

-- 全县 / 全市 / 全省 resolved against the document at the right level.
SELECT cn_place('全县粮食产量2亿斤', t) AS county, cn_place('全市粮食产量', t) AS city,
       cn_place_code('全省粮食产量', t) AS province
FROM (SELECT '2019年交城县国民经济和社会发展统计公报' AS t);

-- A short name needs a context; a name that is part of a word is none.
SELECT cn_place('交城农民人均收入') AS alone, cn_place('交城农民人均收入', '交城县人民政府工作报告') AS with_doc,
       cn_place('世界和平区域合作') AS word;

-- An ambiguous name: no code without a context.
SELECT cn_place('朝阳区财政收入') AS name, cn_place_code('朝阳区财政收入') AS no_code,
       cn_place_code('朝阳区财政收入', '北京市人民政府工作报告') AS beijing,
       cn_place_code('朝阳区财政收入', '长春市人民政府工作报告') AS changchun;

-- A township keeps its name with its county's code; traditional characters.
SELECT cn_place('镇巴县小洋镇坚持以市场为导向') AS township, cn_place_code('镇巴县小洋镇') AS code,
       cn_place('蒙山縣陳塘鎮青州小學') AS trad, cn_place_code('涇縣2019年國民經濟') AS trad_code;

-- No place in the text: the document's; one argument: the text is its document.
SELECT cn_place('营业收入增长5%', '吕梁日报') AS doc_place,
       cn_place('2019年交城县国民经济和社会发展统计公报') AS title,
       cn_place('营业收入增长5%') AS none;

-- Per row of a table, the context argument read once per distinct value.
CREATE TABLE s(doc, sentence);
INSERT INTO s VALUES ('2019年交城县国民经济和社会发展统计公报', '全县地区生产总值36亿元'),
                     ('2019年交城县国民经济和社会发展统计公报', '全市地区生产总值1800亿元'),
                     ('新华社太原9月1日电', '全市工业增加值增长'),
                     (NULL, '全县工业增加值增长');
SELECT sentence, cn_place(sentence, doc) AS place, cn_place_code(sentence, doc) AS code FROM s;

-- NULL, empty, BLOB, invalid UTF-8, missing argument.
SELECT cn_place(NULL) AS n, cn_place('') AS e, cn_place_code(NULL, '交城县') AS nc,
       cn_place(CAST('交城县' AS BLOB)) AS blob;
SELECT cn_place(x'ff');
SELECT cn_place_code('全县', x'e4');
SELECT cn_place();
