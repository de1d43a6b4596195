"""Transcript: what-if, bracket, OCA and depth against ibterm engine, with IB's ibapi.

Usage: python engine-linked-orders.py PORT (an `ibterm engine --port PORT` running; use the
python of a virtual environment with ibapi-stable, e.g. .build-peers/ibapi-10.50 made by .ci/run).
"""
import sys, threading, time
from ibapi.client import EClient
from ibapi.wrapper import EWrapper
from ibapi.contract import Contract
from ibapi.order import Order

def stock(sym):
    c = Contract(); c.symbol = sym; c.secType = "STK"; c.exchange = "SMART"; c.currency = "USD"; return c

def order(action, qty, typ, lmt=None, aux=None, tif="DAY"):
    o = Order(); o.action = action; o.totalQuantity = qty; o.orderType = typ; o.tif = tif
    if lmt is not None: o.lmtPrice = lmt
    if aux is not None: o.auxPrice = aux
    o.eTradeOnly = False; o.firmQuoteOnly = False
    return o

class App(EWrapper, EClient):
    def __init__(s):
        EWrapper.__init__(s); EClient.__init__(s, s)
        s.next_id = None; s.prices = {}; s.status = {}; s.states = {}; s.depth = []; s.positions = {}; s.pos_end = False
    def nextValidId(s, i): s.next_id = i
    def tickPrice(s, r, t, p, a): s.prices.setdefault(r, {})[t] = p
    def openOrder(s, oid, c, o, st): s.states[oid] = st
    def orderStatus(s, oid, status, filled, remaining, avg, *rest):
        s.status.setdefault(oid, []).append(status); print("  orderStatus %d %s filled=%s remaining=%s avg=%s" % (oid, status, filled, remaining, avg))
    def error(s, r, *a):
        if r != -1: print("  error", r, a[-2] if len(a) >= 2 and isinstance(a[-2], int) else a[:2])
    def updateMktDepth(s, r, pos, op, side, price, size): s.depth.append((pos, op, side, price, size))
    def updateMktDepthL2(s, r, pos, mm, op, side, price, size, smart): s.depth.append((pos, mm, op, side, price, size))
    def position(s, acct, c, pos, cost): s.positions[c.symbol] = pos
    def positionEnd(s): s.pos_end = True

def wait(pred, t=10):
    end = time.time() + t
    while not pred() and time.time() < end: time.sleep(0.05)
    return pred()

app = App(); app.connect("127.0.0.1", int(sys.argv[1]), 41)
threading.Thread(target=app.run, daemon=True).start()
wait(lambda: app.next_id is not None)
app.reqMktData(1, stock("AAPL"), "", False, False, []); wait(lambda: 1 in app.prices.get(1, {}) and 2 in app.prices[1])
bid, ask = app.prices[1][1], app.prices[1][2]
print("AAPL bid=%s ask=%s" % (bid, ask))
app.reqPositions(); wait(lambda: app.pos_end); before = app.positions.get("AAPL", 0)

print("== what-if: BUY 100 AAPL MKT")
w = order("BUY", 100, "MKT"); w.whatIf = True; oid = app.next_id; app.placeOrder(oid, stock("AAPL"), w)
wait(lambda: oid in app.states)
st = app.states[oid]
print("  initMargin before=%s change=%s after=%s maint after=%s equityWithLoan after=%s commission=%s min=%s max=%s" % (
    st.initMarginBefore, st.initMarginChange, st.initMarginAfter, st.maintMarginAfter, st.equityWithLoanAfter,
    st.commission if hasattr(st, "commission") else st.commissionAndFees, st.minCommission if hasattr(st, "minCommission") else st.minCommissionAndFees,
    st.maxCommission if hasattr(st, "maxCommission") else st.maxCommissionAndFees))
app.pos_end = False; app.reqPositions(); wait(lambda: app.pos_end)
print("  position AAPL before=%s after=%s; order statuses seen: %s" % (before, app.positions.get("AAPL", 0), app.status.get(oid, [])))

print("== bracket: BUY 100 LMT %.2f (resting), take-profit SELL LMT %.2f, stop-loss SELL STP %.2f" % (bid - 2, bid + 3, bid - 4))
p = app.next_id + 1
parent = order("BUY", 100, "LMT", lmt=round(bid - 2, 2)); parent.transmit = False
tp = order("SELL", 100, "LMT", lmt=round(bid + 3, 2)); tp.parentId = p; tp.transmit = False
sl = order("SELL", 100, "STP", aux=round(bid - 4, 2)); sl.parentId = p; sl.transmit = True
app.placeOrder(p, stock("AAPL"), parent); app.placeOrder(p + 1, stock("AAPL"), tp); app.placeOrder(p + 2, stock("AAPL"), sl)
wait(lambda: all(i in app.status for i in (p, p + 1, p + 2))); time.sleep(1.5)
print("  after 1.5 s: parent %s, take-profit %s, stop-loss %s" % (app.status[p][-1], app.status[p + 1][-1], app.status[p + 2][-1]))
app.pos_end = False; app.reqPositions(); wait(lambda: app.pos_end)
print("  position AAPL %s (unchanged: the children did not trade)" % app.positions.get("AAPL", 0))
app.cancelOrder(p, "") if app.serverVersion() < 169 else app.cancelOrder(p, __import__("ibapi.order_cancel", fromlist=["OrderCancel"]).OrderCancel())
wait(lambda: app.status[p + 2][-1] == "Cancelled" and app.status[p + 1][-1] == "Cancelled")
print("  cancelled the parent: parent %s, take-profit %s, stop-loss %s" % (app.status[p][-1], app.status[p + 1][-1], app.status[p + 2][-1]))

print("== OCA pair (type 1): BUY 50 LMT %.2f (resting) and BUY 50 LMT %.2f (marketable)" % (bid - 5, ask + 0.05))
a = p + 3
o1 = order("BUY", 50, "LMT", lmt=round(bid - 5, 2)); o1.ocaGroup = "pair-%d" % a; o1.ocaType = 1
o2 = order("BUY", 50, "LMT", lmt=round(ask + 0.05, 2)); o2.ocaGroup = "pair-%d" % a; o2.ocaType = 1
app.placeOrder(a, stock("AAPL"), o1); time.sleep(0.3); app.placeOrder(a + 1, stock("AAPL"), o2)
wait(lambda: "Filled" in app.status.get(a + 1, []) and "Cancelled" in app.status.get(a, []))
print("  resting sibling %s, marketable sibling %s" % (app.status[a][-1], app.status[a + 1][-1]))

print("== depth: reqMktDepth AAPL 5 rows, smart")
app.reqMktDepth(7, stock("AAPL"), 5, True, [])
wait(lambda: len(app.depth) >= 10)
for row in sorted(app.depth[:10], key=lambda r: (-r[3], r[0])): print("  ", row)
time.sleep(2)
print("  updates in 2 s: %d" % sum(1 for r in app.depth[10:]))
app.disconnect()
