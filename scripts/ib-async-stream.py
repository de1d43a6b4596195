"""ib_async doing what `ibterm-stream HOST:PORT SYMBOL...` does, for docs/Footprint.md ("Hand-offs
per read batch"): the stocks' quotes, one line per change of bid, ask or last.
Run: `python ib-async-stream.py 127.0.0.1:PORT AAPL MSFT ...` in a venv with `pip install ib_async`."""
import sys
from ib_async import IB, Stock

host, port = sys.argv[1].rsplit(":", 1)
ib = IB()
ib.connect(host, int(port), clientId=24, readonly=True)
shown = {}
contracts = ib.qualifyContracts(*[Stock(symbol, "SMART", "USD") for symbol in sys.argv[2:]])
for contract in contracts:
    ib.reqMktData(contract, "", False, False)

def on_pending(tickers):
    for t in tickers:
        key = (t.bid, t.ask, t.last)
        if shown.get(t.contract.symbol) != key:
            shown[t.contract.symbol] = key
            print(t.contract.symbol, t.bid, t.ask, t.last, t.volume, flush=True)

ib.pendingTickersEvent += on_pending
ib.run()
