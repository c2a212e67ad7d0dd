-- Revenue is net of tax (docs/metrics.md#revenue). A Xero invoice may be written with tax-inclusive line amounts
-- ("Tax inclusive"): its lines then hold the tax, which is collected for the state, not earned. Per document of the
-- loaded file (the parameter: its source_file_id) that carries tax: the export's LineAmountTypes says which where
-- it has one; else a document whose lines add up to its total has tax-inclusive amounts, and one whose lines plus
-- their tax make the total tax-exclusive ones. Inclusive lines lose their tax (a credit note's, negative, too);
-- tax_basis records the reading, NULL where neither adds up (part of a document, a rejected line): those amounts
-- stay as exported, and the data-quality findings count them.
update revenue_lines r
set tax_basis = d.basis,
    amount = case when d.basis = 'inclusive' then r.amount - sign(r.amount) * abs(coalesce(r.tax_amount, 0))
                  else r.amount end
from (
    select document_number,
           case when max(lower(replace(tax_basis, ' ', ''))) in ('inclusive', 'taxinclusive') then 'inclusive'
                when max(lower(replace(tax_basis, ' ', ''))) in ('exclusive', 'taxexclusive') then 'exclusive'
                when max(lower(replace(tax_basis, ' ', ''))) in ('notax', 'none') then 'no tax'
                when sum(abs(coalesce(tax_amount, 0))) = 0 then 'no tax'
                when count(distinct abs(document_total)) <> 1 then null
                when abs(abs(sum(amount)) - max(abs(document_total))) <= 0.01 then 'inclusive'
                when abs(abs(sum(amount)) + sum(abs(coalesce(tax_amount, 0))) - max(abs(document_total))) <= 0.01 then 'exclusive'
           end as basis
    from revenue_lines
    where source_file_id = ? and document_number is not null
      and (tax_amount is not null or tax_basis is not null)
    group by document_number
) d
where r.source_file_id = ? and r.document_number = d.document_number;
