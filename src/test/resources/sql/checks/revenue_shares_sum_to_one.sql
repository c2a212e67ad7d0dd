-- Customer shares of T12M revenue sum to 1 and the cumulative share ends at 1. Returns the sums when not.
select sum(revenue_share) as share_sum, max(cumulative_share) as last_cumulative
from customer_concentration
having count(*) > 0 and (abs(sum(revenue_share) - 1) > 1e-9 or abs(max(cumulative_share) - 1) > 1e-9);
