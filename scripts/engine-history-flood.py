"""A historical-request flood against ibterm engine: client A (in a process of its own) asks for
a month of one-minute bars RATE times a second for SECONDS; client B measures its reqCurrentTime
round trip every 100 ms meanwhile; the engine's resident memory (VmRSS of PID) is sampled from /proc.

Usage: python engine-history-flood.py PORT ENGINE_PID RATE SECONDS (with ibapi-stable).
"""
import multiprocessing, sys, threading, time
from ibapi.client import EClient
from ibapi.wrapper import EWrapper
from ibapi.contract import Contract

port, pid, rate, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
def stock(sym):
    c = Contract(); c.symbol = sym; c.secType = "STK"; c.exchange = "SMART"; c.currency = "USD"; return c
def rss():
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmRSS"): return int(line.split()[1]) / 1024
class App(EWrapper, EClient):
    def __init__(s):
        EWrapper.__init__(s); EClient.__init__(s, s); s.ready = False; s.bars = 0; s.ends = 0; s.errors = {}; s.times = []; s.sent = None
    def nextValidId(s, i): s.ready = True
    def historicalData(s, r, b): s.bars += 1
    def historicalDataEnd(s, r, a, b): s.ends += 1
    def error(s, r, *a):
        code = [x for x in a if isinstance(x, int) and x > 0 and x < 100000]
        if r != -1 and code: s.errors[code[0]] = s.errors.get(code[0], 0) + 1
        elif code and code[0] == 100: s.errors[100] = s.errors.get(100, 0) + 1
    def currentTime(s, t):
        if s.sent is not None: s.times.append((time.perf_counter() - s.sent) * 1000); s.sent = None
symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "JPM", "SPY", "QQQ", "IWM"]

def flooder(out):
    """Client A in a process of its own: parsing its large answers holds Python's GIL, which
    would otherwise delay client B's reads and count against the engine."""
    a = App(); a.connect("127.0.0.1", port, 51); threading.Thread(target=a.run, daemon=True).start()
    while not a.ready: time.sleep(0.05)
    start = time.time(); n = 0
    while time.time() - start < seconds:
        if n < (time.time() - start) * rate and a.isConnected():
            a.reqHistoricalData(1000 + n, stock(symbols[n % len(symbols)]), "", "1 M", "1 min", "TRADES", 0, 1, False, []); n += 1
        time.sleep(0.002)
    time.sleep(1)
    out.put((n, a.ends, a.bars, dict(sorted(a.errors.items())), a.isConnected())); a.disconnect()

if __name__ == "__main__":
    b = App(); b.connect("127.0.0.1", port, 52); threading.Thread(target=b.run, daemon=True).start()
    while not b.ready: time.sleep(0.05)
    base = rss(); peak = base
    results = multiprocessing.Queue(); flood = multiprocessing.Process(target=flooder, args=(results,)); flood.start()
    start = time.time(); next_probe = start
    while time.time() - start < seconds + 1 or flood.is_alive():
        now = time.time()
        if now >= next_probe and b.sent is None:
            b.sent = time.perf_counter(); b.reqCurrentTime(); next_probe = now + 0.1
        peak = max(peak, rss()); time.sleep(0.002)
        if not flood.is_alive() and not results.empty(): break
    n, ends, bars, errors, connected = results.get(timeout=30); flood.join()
    t = sorted(b.times)
    pct = lambda q: t[min(len(t) - 1, int(q * len(t)))] if t else float("nan")
    print("flood: %d requests in %.0f s (%.0f/s asked), %d answered with %d bars, errors %s, flooder connected at end: %s" % (
        n, seconds, rate, ends, bars, errors, connected))
    print("other client: %d reqCurrentTime probes, p50 %.2f ms, p99 %.2f ms, max %.2f ms" % (len(t), pct(0.5), pct(0.99), t[-1] if t else float("nan")))
    print("engine RSS: %.1f MB before, peak %.1f MB, after %.1f MB" % (base, peak, rss()))
    b.disconnect()
