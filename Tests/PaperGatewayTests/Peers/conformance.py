"""Conformance script for the paper gateway, run with IB's official Python client (ibapi 9.81
or ibapi-stable 10.50). Usage: python conformance.py PORT

Prints one `CHECK name value` line per verified behaviour and `RESULT ok` at the end; on any
failure prints `FAIL reason` and exits 1. Every wait is bounded.
"""
import sys
import threading
import time

from ibapi.client import EClient
from ibapi.contract import Contract
from ibapi.order import Order
from ibapi.wrapper import EWrapper

TIMEOUT = 15.0


def stock(symbol):
    c = Contract()
    c.symbol = symbol
    c.secType = "STK"
    c.exchange = "SMART"
    c.currency = "USD"
    return c


class App(EWrapper, EClient):
    def __init__(self):
        EWrapper.__init__(self)
        EClient.__init__(self, self)
        self.cond = threading.Condition()
        self.next_id = None
        self.accounts = None
        self.prices = {}
        self.errors = []
        self.statuses = {}
        self.executions = {}
        self.commissions = {}
        self.positions = {}
        self.position_end = False
        self.account_values = {}
        self.portfolio = {}
        self.download_end = False
        self.pnls = []
        self.completed = []
        self.completed_end = False
        self.heads = {}
        self.order_states = {}
        self.depth_rows = []
        self.bars = {}
        self.bars_end = set()

    def _set(self, fn):
        with self.cond:
            fn()
            self.cond.notify_all()

    def wait(self, what, predicate):
        deadline = time.time() + TIMEOUT
        with self.cond:
            while not predicate():
                left = deadline - time.time()
                if left <= 0:
                    print("FAIL timeout waiting for " + what, flush=True)
                    print("errors: %r" % (self.errors,), flush=True)
                    sys.exit(1)
                self.cond.wait(left)

    # Callbacks (signatures differ between 9.81 and 10.50, hence *args).
    def nextValidId(self, orderId):
        self._set(lambda: setattr(self, "next_id", orderId))

    def managedAccounts(self, accountsList):
        self._set(lambda: setattr(self, "accounts", accountsList))

    def error(self, reqId, *args):
        # 9.81: (reqId, code, text); 10.50: (reqId, errorTime, code, text, advancedOrderRejectJson).
        if len(args) >= 3 and isinstance(args[1], int):
            code, text = args[1], args[2]
        else:
            code, text = args[0], args[1]
        self._set(lambda: self.errors.append((reqId, code, text)))

    def tickPrice(self, reqId, tickType, price, attrib):
        self._set(lambda: self.prices.setdefault(reqId, {}).__setitem__(tickType, price))

    def orderStatus(self, orderId, status, filled, remaining, avgFillPrice, *rest):
        self._set(lambda: self.statuses.setdefault(orderId, []).append((status, float(filled), float(remaining), avgFillPrice)))

    def execDetails(self, reqId, contract, execution):
        self._set(lambda: self.executions.__setitem__(execution.execId, (reqId, contract.symbol, execution)))

    def commissionReport(self, report):
        self._set(lambda: self.commissions.__setitem__(report.execId, report.commission))

    def commissionAndFeesReport(self, report):
        self._set(lambda: self.commissions.__setitem__(report.execId, report.commissionAndFees))

    def position(self, account, contract, position, avgCost):
        self._set(lambda: self.positions.__setitem__(contract.symbol, (float(position), avgCost)))

    def positionEnd(self):
        self._set(lambda: setattr(self, "position_end", True))

    def updateAccountValue(self, key, val, currency, accountName):
        self._set(lambda: self.account_values.__setitem__(key, val))

    def updatePortfolio(self, contract, position, marketPrice, marketValue, averageCost, unrealizedPNL, realizedPNL, accountName):
        self._set(lambda: self.portfolio.__setitem__(contract.symbol, (float(position), marketPrice)))

    def accountDownloadEnd(self, accountName):
        self._set(lambda: setattr(self, "download_end", True))

    def completedOrder(self, contract, order, orderState):
        self._set(lambda: self.completed.append((contract.symbol, order.permId, orderState.status, orderState.completedStatus)))

    def completedOrdersEnd(self):
        self._set(lambda: setattr(self, "completed_end", True))

    def pnl(self, reqId, dailyPnL, unrealizedPnL, realizedPnL):
        self._set(lambda: self.pnls.append((reqId, dailyPnL, unrealizedPnL, realizedPnL)))


    def openOrder(self, orderId, contract, order, orderState):
        self._set(lambda: self.order_states.__setitem__(orderId, orderState))

    def updateMktDepthL2(self, reqId, position, marketMaker, operation, side, price, size, *rest):
        self._set(lambda: self.depth_rows.append((position, marketMaker, operation, side, price, size)))

    def headTimestamp(self, reqId, headTimestamp):
        self._set(lambda: self.heads.__setitem__(reqId, headTimestamp))

    def historicalData(self, reqId, bar):
        self._set(lambda: self.bars.setdefault(reqId, []).append(bar))

    def historicalDataEnd(self, reqId, start, end):
        self._set(lambda: self.bars_end.add(reqId))


def main():
    port = int(sys.argv[1])
    app = App()
    app.connect("127.0.0.1", port, clientId=17)
    thread = threading.Thread(target=app.run, daemon=True)
    thread.start()
    app.wait("nextValidId", lambda: app.next_id is not None and app.accounts is not None)
    print("CHECK serverVersion %d" % app.serverVersion(), flush=True)
    print("CHECK managedAccounts %s" % app.accounts, flush=True)
    print("CHECK farmNotices %s" % ",".join(str(e[1]) for e in app.errors if e[0] == -1), flush=True)

    app.reqMktData(1, stock("AAPL"), "", False, False, [])
    app.reqMktData(2, stock("MSFT"), "", False, False, [])
    app.wait("AAPL and MSFT quotes", lambda: all(2 in app.prices.get(i, {}) and 1 in app.prices.get(i, {}) for i in (1, 2)))
    aapl_ask = app.prices[1][2]
    msft_ask = app.prices[2][2]
    print("CHECK quotes AAPL bid=%s ask=%s MSFT bid=%s ask=%s" % (app.prices[1][1], aapl_ask, app.prices[2][1], msft_ask), flush=True)

    buy_id = app.next_id
    order = Order()
    order.action = "BUY"
    order.orderType = "LMT"
    order.totalQuantity = 10
    order.lmtPrice = round(aapl_ask + 0.05, 2)
    order.tif = "DAY"
    order.eTradeOnly = False
    order.firmQuoteOnly = False
    app.placeOrder(buy_id, stock("AAPL"), order)
    app.wait("Filled", lambda: any(s[0] == "Filled" for s in app.statuses.get(buy_id, [])))
    filled = [s for s in app.statuses[buy_id] if s[0] == "Filled"][-1]
    print("CHECK filled order=%d filled=%g remaining=%g avg=%s" % (buy_id, filled[1], filled[2], filled[3]), flush=True)
    app.wait("execDetails", lambda: any(e[2].orderId == buy_id for e in app.executions.values()))
    exec_id, (req_id, symbol, execution) = [(k, v) for k, v in app.executions.items() if v[2].orderId == buy_id][0]
    print("CHECK execDetails reqId=%d symbol=%s side=%s shares=%g price=%s" % (req_id, symbol, execution.side, float(execution.shares), execution.price), flush=True)
    app.wait("commission", lambda: exec_id in app.commissions)
    print("CHECK commission %s" % app.commissions[exec_id], flush=True)

    rest_id = buy_id + 1
    resting = Order()
    resting.action = "BUY"
    resting.orderType = "LMT"
    resting.totalQuantity = 5
    resting.lmtPrice = round(msft_ask * 0.8, 2)
    resting.tif = "GTC"
    resting.eTradeOnly = False
    resting.firmQuoteOnly = False
    app.placeOrder(rest_id, stock("MSFT"), resting)
    app.wait("Submitted", lambda: any(s[0] == "Submitted" for s in app.statuses.get(rest_id, [])))
    try:
        app.cancelOrder(rest_id)
    except TypeError:
        from ibapi.order_cancel import OrderCancel
        app.cancelOrder(rest_id, OrderCancel())
    app.wait("Cancelled", lambda: any(s[0] == "Cancelled" for s in app.statuses.get(rest_id, [])))
    app.wait("error 202", lambda: any(e[0] == rest_id and e[1] == 202 for e in app.errors))
    print("CHECK cancelled order=%d error=202" % rest_id, flush=True)

    app.reqCompletedOrders(False)
    app.wait("completedOrdersEnd", lambda: app.completed_end)
    print("CHECK completed %s" % ",".join("%s:%s:%s" % (c[0], c[2], c[3]) for c in app.completed), flush=True)

    app.reqPositions()
    app.wait("positionEnd", lambda: app.position_end)
    print("CHECK position AAPL %g avgCost=%s" % app.positions.get("AAPL", (0, 0)), flush=True)

    app.reqAccountUpdates(True, "")
    app.wait("accountDownloadEnd", lambda: app.download_end)
    print("CHECK account NetLiquidation=%s BuyingPower=%s portfolioAAPL=%g" % (
        app.account_values.get("NetLiquidation"), app.account_values.get("BuyingPower"),
        app.portfolio.get("AAPL", (0, 0))[0]), flush=True)

    app.reqPnL(9, app.accounts.split(",")[0], "")
    app.wait("pnl", lambda: len(app.pnls) >= 2)
    print("CHECK pnl updates=%d unrealized=%s" % (len(app.pnls), app.pnls[-1][2]), flush=True)

    app.reqMktData(3, stock("TSLA"), "", False, False, [])
    app.wait("error 354", lambda: any(e[0] == 3 and e[1] == 354 for e in app.errors))
    time.sleep(0.5)
    print("CHECK notEntitled TSLA error=354 ticks=%d" % len(app.prices.get(3, {})), flush=True)

    app.reqHeadTimeStamp(20, stock("AAPL"), "TRADES", 1, 1)
    app.wait("headTimestamp", lambda: 20 in app.heads)
    print("CHECK headTimestamp %s" % app.heads[20], flush=True)

    # Two pages of history going back: the second ends where the first began.
    app.reqHistoricalData(21, stock("AAPL"), "", "2 D", "1 hour", "TRADES", 1, 1, False, [])
    app.wait("history page 1", lambda: 21 in app.bars_end)
    first = app.bars[21]
    oldest = first[0].date
    app.reqHistoricalData(22, stock("AAPL"), oldest, "2 D", "1 hour", "MIDPOINT", 1, 1, False, [])
    app.wait("history page 2", lambda: 22 in app.bars_end)
    second = app.bars[22]
    print("CHECK historyFirstPage %d" % len(first), flush=True)
    print("CHECK history page2=%d joined=%s midpointVolume=%s" % (
        len(second), all(b.date < oldest for b in second),
        ",".join(sorted(set(str(b.volume) for b in second)))), flush=True)

    app.reqHistoricalData(23, stock("AAPL"), "", "1 D", "7 mins", "TRADES", 1, 1, False, [])
    app.wait("error 321", lambda: any(e[0] == 23 and e[1] == 321 for e in app.errors))
    print("CHECK historyInvalid error=321", flush=True)

    # What-if: margins and commission come back; nothing trades.
    app.position_end = False
    app.reqPositions()
    app.wait("positionEnd", lambda: app.position_end)
    held = app.positions.get("AAPL", (0, 0))[0]
    what_id = app.next_id + 10
    what = Order()
    what.action = "BUY"
    what.orderType = "MKT"
    what.totalQuantity = 100
    what.whatIf = True
    what.eTradeOnly = False
    what.firmQuoteOnly = False
    app.placeOrder(what_id, stock("AAPL"), what)
    app.wait("what-if state", lambda: what_id in app.order_states)
    state = app.order_states[what_id]
    time.sleep(0.5)
    app.position_end = False
    app.reqPositions()
    app.wait("positionEnd", lambda: app.position_end)
    print("CHECK whatIf marginChange=%s statuses=%d positionUnchanged=%s" % (
        float(state.initMarginChange) > 0, len(app.statuses.get(what_id, [])),
        app.positions.get("AAPL", (0, 0))[0] == held), flush=True)

    # A bracket around a resting parent: the children wait, and go with the parent.
    bid = app.prices[1][1]
    parent_id = what_id + 1

    def make(action, kind, price, parent, transmit):
        o = Order()
        o.action = action
        o.orderType = kind
        o.totalQuantity = 10
        if kind == "STP":
            o.auxPrice = price
        else:
            o.lmtPrice = price
        o.parentId = parent
        o.transmit = transmit
        o.eTradeOnly = False
        o.firmQuoteOnly = False
        return o

    app.placeOrder(parent_id, stock("AAPL"), make("BUY", "LMT", round(bid * 0.9, 2), 0, False))
    app.placeOrder(parent_id + 1, stock("AAPL"), make("SELL", "LMT", round(bid * 1.1, 2), parent_id, False))
    app.placeOrder(parent_id + 2, stock("AAPL"), make("SELL", "STP", round(bid * 0.8, 2), parent_id, True))
    app.wait("bracket working", lambda: any(s[0] == "Submitted" for s in app.statuses.get(parent_id, [])))
    time.sleep(0.5)
    children = [app.statuses.get(i, [("none",)])[-1][0] for i in (parent_id + 1, parent_id + 2)]
    try:
        app.cancelOrder(parent_id)
    except TypeError:
        from ibapi.order_cancel import OrderCancel
        app.cancelOrder(parent_id, OrderCancel())
    app.wait("children cancelled", lambda: all(app.statuses.get(i, [("",)])[-1][0] == "Cancelled" for i in (parent_id + 1, parent_id + 2)))
    print("CHECK bracket children=%s cancelledWithParent=True" % ",".join(children), flush=True)

    # One-cancels-all: the marketable sibling fills, the resting one is cancelled.
    oca_id = parent_id + 3
    ask = app.prices[1][2]
    first = make("BUY", "LMT", round(bid * 0.9, 2), 0, True)
    second = make("BUY", "LMT", round(ask + 0.05, 2), 0, True)
    for o in (first, second):
        o.ocaGroup = "conformance-oca"
        o.ocaType = 1
    app.placeOrder(oca_id, stock("AAPL"), first)
    app.wait("resting sibling", lambda: any(s[0] == "Submitted" for s in app.statuses.get(oca_id, [])))
    app.placeOrder(oca_id + 1, stock("AAPL"), second)
    app.wait("OCA outcome", lambda: any(s[0] == "Filled" for s in app.statuses.get(oca_id + 1, []))
             and any(s[0] == "Cancelled" for s in app.statuses.get(oca_id, [])))
    print("CHECK oca marketable=Filled resting=Cancelled", flush=True)

    # A depth book: five rows a side, each naming its exchange.
    app.reqMktDepth(30, stock("AAPL"), 5, True, [])
    app.wait("depth book", lambda: len(app.depth_rows) >= 10)
    book = app.depth_rows[:10]
    print("CHECK depth rows=%d bids=%d asks=%d named=%s" % (
        len(book), sum(1 for r in book if r[3] == 1), sum(1 for r in book if r[3] == 0), all(r[1] for r in book)), flush=True)

    app.disconnect()
    print("RESULT ok", flush=True)


if __name__ == "__main__":
    main()
