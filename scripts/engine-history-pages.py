"""Transcript: head timestamp, two pages of hourly history going back, two refusals, with IB's
ibapi against a running `ibterm engine`.

Usage: python engine-history-pages.py PORT (default 4998; with ibapi-stable)."""
import sys, threading, time
from ibapi.client import EClient
from ibapi.wrapper import EWrapper
from ibapi.contract import Contract
class App(EWrapper, EClient):
    def __init__(s):
        EWrapper.__init__(s); EClient.__init__(s, s); s.done=set(); s.bars={}
    def nextValidId(s, oid): s.done.add('id')
    def headTimestamp(s, r, h): print("headTimestamp", r, h); s.done.add(r)
    def historicalData(s, r, b): s.bars.setdefault(r, []).append(b)
    def historicalDataEnd(s, r, a, b): print("historicalDataEnd", r, a, b); s.done.add(r)
    def error(s, r, *a): 
        if r != -1: print("error", r, a[:2]); s.done.add(r)
c=Contract(); c.symbol="AAPL"; c.secType="STK"; c.exchange="SMART"; c.currency="USD"
app=App(); app.connect("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 4998, 31); threading.Thread(target=app.run, daemon=True).start()
def wait(k):
    t=time.time()+10
    while k not in app.done and time.time()<t: time.sleep(0.05)
wait('id')
app.reqHeadTimeStamp(1, c, "TRADES", 1, 1); wait(1)
app.reqHistoricalData(2, c, "", "1 D", "1 hour", "TRADES", 1, 1, False, []); wait(2)
for b in app.bars[2]: print(" ", b)
oldest=app.bars[2][0].date
app.reqHistoricalData(3, c, oldest, "1 D", "1 hour", "TRADES", 1, 1, False, []); wait(3)
for b in app.bars[3]: print(" ", b)
app.reqHistoricalData(4, c, "", "1 Y", "1 secs", "TRADES", 1, 1, False, []); wait(4)
app.reqHistoricalData(5, c, "", "1 D", "7 mins", "TRADES", 1, 1, False, []); wait(5)
app.disconnect()
