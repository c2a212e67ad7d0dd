-- DuckDB's memory cap (the parameter: '1GB', '4GB', ...); beyond it DuckDB spills to a temporary folder.
set memory_limit = ?
