-- A lookup table: the distinct keys ({{keys}}: k0 varchar, ...), the value Java decided for them, and whether the
-- rows with those keys need the row-by-row path.
create temp table {{table}} ({{keys}}, v varchar, slow boolean);
