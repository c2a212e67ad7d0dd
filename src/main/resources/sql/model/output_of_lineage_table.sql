-- How a table with lineage (source_file_id) leaves the database: source_file_id becomes source_file, the file's
-- path relative to its input folder (its name when none is recorded), and rows come out in lineage order.
-- {{columns}}: each column's output expression; {{table}}: the table; {{order}}: the sort keys.
select {{columns}}
from (select coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$')) as source_file, t.* exclude (source_file_id)
      from {{table}} t
      left join source_files f using (source_file_id))
order by {{order}}
