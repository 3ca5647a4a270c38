.headers on
.nullvalue NULL
-- cn_decode(blob [, encoding]) and cn_encoding(blob) (issue 16): bytes in
-- GB18030/GBK/GB2312, Big5, UTF-16 or UTF-8 to UTF-8 text.  Errors read
-- "cn_decode: invalid <encoding> at byte N".
-- 中文 in each encoding, named and detected.
SELECT cn_decode(x'd6d0cec4', 'gb18030') AS gb18030, cn_decode(x'd6d0cec4', 'GBK') AS gbk,
       cn_decode(x'd6d0cec4', 'gb2312') AS gb2312, cn_decode(x'd6d0cec4', 'CP936') AS cp936,
       cn_decode(x'a4a4a4e5', 'big5') AS big5, cn_decode(x'2d4e8765', 'utf-16le') AS utf16le,
       cn_decode(x'4e2d6587', 'UTF-16BE') AS utf16be, cn_decode(x'fffe2d4e8765', 'utf-16') AS utf16,
       cn_decode(x'e4b8ade69687', 'utf-8') AS utf8;
SELECT cn_decode(x'd6d0cec4') AS gb_detected, cn_decode(x'fffe2d4e8765') AS le_bom,
       cn_decode(x'feff4e2d6587') AS be_bom, hex(cn_decode(x'efbbbfe4b8ade69687')) AS utf8_bom_dropped,
       cn_decode('中文') AS text_arg, cn_decode(x'd6d0cec4', NULL) AS null_encoding;
-- A four-byte GB18030 sequence (U+20000), a character beyond the BMP in UTF-16.
SELECT hex(cn_decode(x'9532823641', 'gb18030')) AS u20000, hex(cn_decode(x'3dd800de', 'utf-16le')) AS u1f600;
-- NULL, empty, numbers.
SELECT cn_decode(NULL) AS null_in, cn_decode(NULL, 'big5') AS null_big5, cn_encoding(NULL) AS enc_null,
       typeof(cn_decode(x'')) AS empty, length(cn_decode(x'', 'utf-16le')) AS empty16,
       cn_decode(12) AS int_arg, typeof(cn_decode(x'd6d0cec4')) AS t;
-- What cn_encoding detects: a BOM, valid UTF-8, GB18030 that reads as
-- Chinese; NULL for bytes nothing fits (or a guess it will not make: Big5
-- and Latin-1 bytes decode as GB18030 too).
SELECT cn_encoding(x'') AS empty, cn_encoding('中文') AS utf8, cn_encoding(x'efbbbfe4b8ad') AS bom8,
       cn_encoding(x'fffe2d4e') AS le, cn_encoding(x'feff4e2d') AS be, cn_encoding(x'd6d0cec4') AS gb,
       cn_encoding(x'41424344ff41') AS bad, cn_encoding(x'636166e92064e96ae0207675') AS latin1,
       cn_encoding(x'a4a4b5d8a448a5c1a640a94db0eab0eaae61b2cead70a7bdb56fa5acb2cead70a4bdb3f8a143') AS big5_text;
-- Every name cn_encoding gives is one cn_decode takes.
SELECT cn_decode(x'efbbbfe4b8ad', cn_encoding(x'efbbbfe4b8ad')) AS bom_roundtrip,
       cn_decode(x'd6d0cec4', cn_encoding(x'd6d0cec4')) AS gb_roundtrip;
-- A GB18030 page through metrics(): decoded first, it reads.
SELECT raw, value, unit, indicator FROM metrics(cn_decode(
  x'c8abcfd8cdeab3c9b5d8c7f8c9fab2fad7dcd6b53336d2dad4aaa3acb1c8c9cfc4ead4f6b3a4352e3625a1a3'));
SELECT count(*) AS figures FROM metrics(x'c8abcfd8cdeab3c9b5d8c7f8c9fab2fad7dcd6b53336d2dad4aaa3acb1c8c9cfc4ead4f6b3a4352e3625a1a3');
-- Errors: the encoding and the byte offset.
SELECT cn_decode(x'41424344ff41');
SELECT cn_decode(x'41424344ff41', 'gbk');
SELECT cn_decode(x'd6d0ce', 'gb18030');
SELECT cn_decode(x'a4a4a4', 'big5');
SELECT cn_decode(x'2d4e87', 'utf-16le');
SELECT cn_decode(x'2d4e00dc', 'utf-16le');
SELECT cn_decode(x'fffe2d4e3dd8');
SELECT cn_decode(x'2d4e8765', 'utf-16');
SELECT cn_decode(x'e4b8ade696', 'utf-8');
SELECT cn_decode(x'efbbbf41ff');
SELECT cn_decode(x'41', 'latin1');
SELECT cn_decode(x'41', '');
SELECT cn_decode();
SELECT cn_encoding();
