-- How values are written to the CSV files RevLens produces (metric tables, rejects): plain numbers
-- with "." and no exponent, ISO dates, true/false, and text a spreadsheet would run as a formula
-- (starting with = + - @ tab or CR) prefixed with ' (OWASP CSV injection). Numbers are never altered.

create or replace temp macro csv_text(v) as
    case when left(v, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || v else v end;

-- A double in DuckDB's shortest round-trip digits, written out without an exponent.
-- '1.25e-05' -> '0.0000125', '2.5e+20' -> '250000000000000000000'.
create or replace temp macro csv_plain_digits(sign, digits, e) as
    case when e < 0 then sign || '0.' || repeat('0', -e - 1) || digits
         when length(digits) <= e + 1 then sign || digits || repeat('0', e + 1 - length(digits))
         else sign || digits[1:e + 1] || '.' || digits[e + 2:] end;

create or replace temp macro csv_double(x) as
    case when isnan(x) or isinf(x) then null
         when x = trunc(x) and abs(x) < 1e15 then cast(cast(x as hugeint) as varchar)
         when not contains(cast(x as varchar), 'e') then cast(x as varchar)
         else csv_plain_digits(
                 regexp_extract(cast(x as varchar), '^(-?)', 1),
                 rtrim(replace(regexp_extract(cast(x as varchar), '^-?([0-9.]+)e', 1), '.', ''), '0'),
                 cast(regexp_extract(cast(x as varchar), 'e([+-]?[0-9]+)$', 1) as integer)) end;
