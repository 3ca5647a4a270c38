-- metrics(): where each figure is for (place, place_code): the sentence's
-- division, else the paragraph's, else the document's; never in the indicator.
SELECT raw, indicator, place, place_code FROM metrics('2019年交城县国民经济和社会发展统计公报
全县地区生产总值100亿元，比上年增长6.1%。

吕梁市地区生产总值1800亿元。山西省粮食产量1400万吨。

年末常住人口21万人。');
-- no place in the text: NULL
SELECT raw, place IS NULL, place_code IS NULL FROM metrics('粮食产量8万吨。');
-- an ambiguous name keeps its name and no code
SELECT raw, place, place_code IS NULL FROM metrics('朝阳区财政收入12亿元。');
