-- Writes a table's output query as CSV with a header row (the parameter: the file).
-- {{query}}: the table's output query (model/OutputQuery, each value as its CSV text).
copy ({{query}}) to ? (format csv, header true)
