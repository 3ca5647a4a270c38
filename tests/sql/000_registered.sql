.headers on
.nullvalue NULL
-- The exact set of functions and modules, with their flags.
SELECT name, narg, flags & 0x800 > 0 AS deterministic, flags & 0x200000 > 0 AS innocuous
FROM pragma_function_list
WHERE name LIKE 'cn\_%' ESCAPE '\' OR name LIKE 'jcx\_%' ESCAPE '\'
ORDER BY name, narg;
SELECT name FROM pragma_module_list
WHERE name IN ('articles', 'jcx_articles', 'metrics', 'jcx_metrics') ORDER BY name;
SELECT jcx_version() = (SELECT jcx_version()) AS version_stable, typeof(jcx_version()) AS t;
SELECT jcx_debug() LIKE 'libjcx %sqlite needed 3.31.0%utf8proc %iconv gb18030 %' AS debug_facts;
