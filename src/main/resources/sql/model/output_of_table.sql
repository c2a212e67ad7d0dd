-- How a table without lineage leaves the database: its SQL stated its row order, which DuckDB kept on insert.
-- {{columns}}: each column's output expression; {{table}}: the table.
select {{columns}}
from {{table}}
