.headers on
.nullvalue NULL
-- pinyin glosses printed by web mirrors after characters (國(guó)) are not text:
-- dropped by the cleaner (a bracketed syllable with a tone mark, right after
-- a Han character); other bracketed Latin stays.
SELECT cn_clean('全縣實(shí)現(xiàn)地區(qū)生產(chǎn)總值126.3億元') AS glossed,
       cn_clean('生产总值(GDP)增长(a)，浓度(ppm)，拼音 (guó)') AS kept,
       cn_clean(cn_clean('總值(zhí)')) = cn_clean('總值(zhí)') AS idempotent;
-- the figure keeps its source span, gloss included, and reads as if unglossed
SELECT raw, value, unit FROM metrics('常住人口30.5萬(wàn)人，比上年減少0.2萬(wàn)人。');
