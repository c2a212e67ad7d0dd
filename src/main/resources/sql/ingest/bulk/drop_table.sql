-- Drops a work table of the bulk load ({{table}}: bulk_slow, bulk_raw or a lookup).
drop table if exists {{table}};
