"""The pandas script a consultant would write instead of RevLens: the board report's core figures from the same
exports (a HubSpot deals CSV and an invoice-lines CSV), by the definitions of docs/metrics.md. bench/run.sh times it
against RevLens and checks that both give the same figures.

    /usr/bin/python3 bench/pandas_baseline.py <folder> <as-of YYYY-MM-DD>   prints the figures as JSON
"""
import json
import sys

import pandas as pd


def figures(folder, as_of):
    as_of = pd.Timestamp(as_of)
    t12m_start = as_of - pd.DateOffset(months=12) + pd.Timedelta(days=1)

    lines = pd.read_csv(f"{folder}/invoice-lines.csv", usecols=["ContactName", "InvoiceDate", "LineAmount", "Currency"],
                        parse_dates=["InvoiceDate"])
    lines = lines[(lines["Currency"] == "USD") & lines["ContactName"].notna()
                  & (lines["InvoiceDate"] >= t12m_start) & (lines["InvoiceDate"] <= as_of)]
    customers = lines.groupby("ContactName")["LineAmount"].sum()
    customers = customers[customers > 0].sort_values(ascending=False)
    total = customers.sum()
    shares = customers / total

    deals = pd.read_csv(f"{folder}/hubspot-deals.csv", usecols=["Deal Stage", "Create Date", "Close Date", "Currency"])
    created = pd.to_datetime(deals["Create Date"]).dt.normalize()
    closed = pd.to_datetime(deals["Close Date"]).dt.normalize()
    in_window = (closed >= t12m_start) & (closed <= as_of)
    won = in_window & (deals["Deal Stage"] == "Closed Won")
    lost = in_window & (deals["Deal Stage"] == "Closed Lost")
    cycle = (closed[won] - created[won]).dt.days
    cycle = cycle[cycle >= 0]

    return {
        "total_revenue_t12m": round(float(total), 2),
        "customer_count": int(len(customers)),
        "top1_share": float(shares.iloc[0]),
        "top5_share": float(shares.iloc[:5].sum()),
        "hhi": float((shares * 100).pow(2).sum()),
        "won_count": int(won.sum()),
        "lost_count": int(lost.sum()),
        "win_rate": float(won.sum() / (won.sum() + lost.sum())),
        "median_cycle_days": float(cycle.median()),
    }


if __name__ == "__main__":
    print(json.dumps(figures(sys.argv[1], sys.argv[2])))
