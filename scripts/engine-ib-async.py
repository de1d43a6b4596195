"""Transcript of issue #12 with ib_async (not IB's ibapi) against a running `ibterm engine`:
a what-if answer with its margins and commission and the position unchanged; a bracket whose
take-profit and stop-loss stay inactive until the parent fills, and a second bracket that
cancels with its parent; an OCA pair; two pages of history going back; a depth book; and the
engine's resident memory and another client's answer time during a historical-request flood.

Usage: python engine-ib-async.py PORT ENGINE_PID [FLOOD_SECONDS]
(an `ibterm engine --port 0 --fresh --state DIR/paper.sqlite` running; a venv with
`pip install ib_async`). The flood runs in a child process (this script with --flood) so that
parsing its answers does not delay the probe's.
"""
import asyncio, collections, subprocess, sys, time
from ib_async import IB, LimitOrder, MarketOrder, Stock, util

HOST = "127.0.0.1"


def flood(port, seconds):
    """The flooding client: a month of 1-minute bars 45 times a second (ib_async's own throttle
    is 45 requests a second), rotating over ten stocks, for `seconds`; prints one summary line."""
    symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "JPM", "SPY", "QQQ", "IWM"]
    ib = IB()
    ib.RaiseRequestErrors = False
    errors = collections.Counter()
    ib.errorEvent += lambda reqId, code, msg, contract: errors.update([code])

    async def run():
        await ib.connectAsync(HOST, port, clientId=62, timeout=10)
        tasks, start, n = [], time.time(), 0
        while time.time() - start < seconds:
            while n < int((time.time() - start) * 45):
                contract = Stock(symbols[n % len(symbols)], "SMART", "USD")
                tasks.append(asyncio.ensure_future(ib.reqHistoricalDataAsync(
                    contract, "", "1 M", "1 min", "TRADES", False, timeout=120)))
                n += 1
            await asyncio.sleep(0.01)
        results = await asyncio.gather(*tasks, return_exceptions=True)
        answered = [r for r in results if isinstance(r, list) and r]
        print("flooder: %d requests in %.0f s, %d answered with %d bars, errors %s, connected at end: %s" % (
            n, seconds, len(answered), sum(len(r) for r in answered), dict(sorted(errors.items())), ib.isConnected()), flush=True)
        ib.disconnect()

    asyncio.run(run())


def rss_mb(pid):
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(port, pid, flood_seconds):
    ib = IB()
    ib.RequestTimeout = 30  # a request the engine never answers fails loudly instead of hanging
    ib.connect(HOST, port, clientId=61, timeout=10)
    print("connected: server version %d, accounts %s" % (ib.client.serverVersion(), ib.managedAccounts()))
    aapl = Stock("AAPL", "SMART", "USD")
    ib.qualifyContracts(aapl)
    print("qualified: %s conId=%d primaryExchange=%s" % (aapl.symbol, aapl.conId, aapl.primaryExchange))
    ticker = ib.reqMktData(aapl, "", False, False)
    while not (ticker.bid > 0 and ticker.ask > 0):
        ib.sleep(0.05)
    bid, ask = ticker.bid, ticker.ask
    print("AAPL bid=%s ask=%s last=%s" % (bid, ask, ticker.last))

    def position(symbol):
        return sum(p.position for p in ib.reqPositions() if p.contract.symbol == symbol)

    print("\n== what-if: BUY 100 AAPL MKT (ib.whatIfOrder)")
    before = position("AAPL")
    state = ib.whatIfOrder(aapl, MarketOrder("BUY", 100))
    print("  status=%s initMargin before=%s change=%s after=%s" % (state.status, state.initMarginBefore, state.initMarginChange, state.initMarginAfter))
    print("  maintMargin before=%s change=%s after=%s" % (state.maintMarginBefore, state.maintMarginChange, state.maintMarginAfter))
    print("  equityWithLoan before=%s change=%s after=%s" % (state.equityWithLoanBefore, state.equityWithLoanChange, state.equityWithLoanAfter))
    print("  commission=%s min=%s max=%s currency=%s warning=%r" % (state.commission, state.minCommission, state.maxCommission, state.commissionCurrency, state.warningText))
    print("  position AAPL before=%s after=%s; open trades: %d" % (before, position("AAPL"), len(ib.openTrades())))

    def statuses(trades):
        return ", ".join("%s %s" % (t.order.orderType, t.orderStatus.status) for t in trades)

    print("\n== bracket 1: BUY 100 LMT %.2f (resting), take-profit SELL LMT %.2f, stop-loss SELL STP %.2f (ib.bracketOrder)" % (bid - 2, bid + 3, bid - 4))
    bracket = ib.bracketOrder("BUY", 100, round(bid - 2, 2), round(bid + 3, 2), round(bid - 4, 2))
    trades = [ib.placeOrder(aapl, order) for order in bracket]
    ib.sleep(1.5)
    print("  after 1.5 s: %s" % statuses(trades))
    print("  position AAPL %s (the children did not trade)" % position("AAPL"))
    parent = bracket.parent
    parent.lmtPrice = round(ticker.ask + 0.05, 2)
    print("  modify the parent to LMT %.2f (marketable)" % parent.lmtPrice)
    ib.placeOrder(aapl, parent)
    deadline = time.time() + 10
    while time.time() < deadline and not (trades[0].orderStatus.status == "Filled" and trades[1].orderStatus.status == "Submitted"):
        ib.sleep(0.05)
    print("  parent filled at %s: %s (the take-profit works; the stop waits for its trigger, as IB shows a stop)" % (
        trades[0].orderStatus.avgFillPrice, statuses(trades)))
    print("  position AAPL %s" % position("AAPL"))
    stop = bracket.stopLoss
    stop.auxPrice = round(ticker.bid + 1, 2)
    print("  move the stop-loss to %.2f, above the market: it triggers" % stop.auxPrice)
    ib.placeOrder(aapl, stop)
    deadline = time.time() + 15
    while time.time() < deadline and not (trades[2].orderStatus.status == "Filled" and trades[1].orderStatus.status == "Cancelled"):
        ib.sleep(0.05)
    print("  stop-loss %s at %s, take-profit %s (its sibling filled); position AAPL %s" % (
        trades[2].orderStatus.status, trades[2].orderStatus.avgFillPrice, trades[1].orderStatus.status, position("AAPL")))

    print("\n== bracket 2: the same with a resting parent, then the parent cancelled")
    bid = ticker.bid
    bracket = ib.bracketOrder("BUY", 100, round(bid - 2, 2), round(bid + 3, 2), round(bid - 4, 2))
    trades = [ib.placeOrder(aapl, order) for order in bracket]
    ib.sleep(1.0)
    print("  working: %s" % statuses(trades))
    ib.cancelOrder(bracket.parent)
    deadline = time.time() + 10
    while time.time() < deadline and not all(t.orderStatus.status == "Cancelled" for t in trades):
        ib.sleep(0.05)
    print("  cancelled the parent: %s" % statuses(trades))

    print("\n== OCA pair (ib.oneCancelsAll, type 1): BUY 50 LMT %.2f (resting) and BUY 50 LMT %.2f (marketable)" % (ticker.bid - 5, ticker.ask + 0.05))
    group = "ib-async-%d" % int(time.time())
    pair = ib.oneCancelsAll([LimitOrder("BUY", 50, round(ticker.bid - 5, 2)), LimitOrder("BUY", 50, round(ticker.ask + 0.05, 2))], group, 1)
    resting = ib.placeOrder(aapl, pair[0])
    ib.sleep(0.3)
    marketable = ib.placeOrder(aapl, pair[1])
    deadline = time.time() + 10
    while time.time() < deadline and not (marketable.orderStatus.status == "Filled" and resting.orderStatus.status == "Cancelled"):
        ib.sleep(0.05)
    print("  resting sibling %s, marketable sibling %s at %s; position AAPL %s" % (
        resting.orderStatus.status, marketable.orderStatus.status, marketable.orderStatus.avgFillPrice, position("AAPL")))

    print("\n== two pages of hourly history going back (ib.reqHistoricalData; page 2 ends at page 1's first bar)")
    page1 = ib.reqHistoricalData(aapl, "", "1 D", "1 hour", "TRADES", True)
    print("  page 1: %d bars, %s .. %s" % (len(page1), page1[0].date, page1[-1].date))
    for bar in page1:
        print("    %s o=%s h=%s l=%s c=%s v=%s" % (bar.date, bar.open, bar.high, bar.low, bar.close, bar.volume))
    page2 = ib.reqHistoricalData(aapl, page1[0].date, "1 D", "1 hour", "TRADES", True)
    print("  page 2 (endDateTime=%r, sent as %r): %d bars, %s .. %s" % (
        page1[0].date, util.formatIBDatetime(page1[0].date), len(page2), page2[0].date if page2 else None, page2[-1].date if page2 else None))
    for bar in page2:
        print("    %s o=%s h=%s l=%s c=%s v=%s" % (bar.date, bar.open, bar.high, bar.low, bar.close, bar.volume))
    if page2:
        print("  page 2 ends before page 1 starts: %s" % (page2[-1].date < page1[0].date))

    print("\n== depth book: ib.reqMktDepth(AAPL, 5 rows, smart)")
    depth = ib.reqMktDepth(aapl, 5, isSmartDepth=True)
    changes = collections.Counter()
    depth.updateEvent += lambda t: changes.update(rows=len(t.domTicks))
    deadline = time.time() + 10
    while time.time() < deadline and not (len(depth.domBids) >= 5 and len(depth.domAsks) >= 5):
        ib.sleep(0.05)
    print("  %-28s | %s" % ("bids (price size exchange)", "asks"))
    for b, a in zip(depth.domBids, depth.domAsks):
        print("  %9.2f %6s %-10s | %9.2f %6s %s" % (b.price, b.size, b.marketMaker, a.price, a.size, a.marketMaker))
    updates = changes["rows"]
    ib.sleep(2)
    print("  rows changed in 2 s: %d; best bid %.2f < best ask %.2f: %s" % (
        changes["rows"] - updates, depth.domBids[0].price, depth.domAsks[0].price, depth.domBids[0].price < depth.domAsks[0].price))
    ib.cancelMktDepth(aapl, isSmartDepth=True)

    print("\n== history flood: another client (ib_async, client 62) asks a month of 1-minute bars 45 times a second for %d s;" % flood_seconds)
    print("   this client's reqCurrentTime round trip every 100 ms and the engine's VmRSS meanwhile")
    probe = []
    base = rss_mb(pid)
    peak = base
    flooder = subprocess.Popen([sys.executable, "-u", __file__, "--flood", str(port), str(flood_seconds)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    end = time.time() + flood_seconds + 3
    while time.time() < end or flooder.poll() is None:
        sent = time.perf_counter()
        ib.reqCurrentTime()
        probe.append((time.perf_counter() - sent) * 1000)
        peak = max(peak, rss_mb(pid))
        ib.sleep(max(0, 0.1 - (time.perf_counter() - sent)))
        if time.time() > end + 120:
            flooder.kill()
            break
    print("  " + flooder.stdout.read().strip())
    probe.sort()
    pct = lambda q: probe[min(len(probe) - 1, int(q * len(probe)))]
    print("  other client: %d reqCurrentTime probes, p50 %.2f ms, p99 %.2f ms, max %.2f ms" % (len(probe), pct(0.5), pct(0.99), probe[-1]))
    print("  engine RSS: %.1f MB before, peak %.1f MB, after %.1f MB" % (base, peak, rss_mb(pid)))
    ib.disconnect()
    print("\ndone")


if __name__ == "__main__":
    if sys.argv[1] == "--flood":
        flood(int(sys.argv[2]), float(sys.argv[3]))
    else:
        main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 20)
