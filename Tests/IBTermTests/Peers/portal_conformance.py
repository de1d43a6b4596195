"""Conformance script for the paper gateway's Client Portal Web API, written as a client of IB's
documentation would be (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/),
with nothing but `requests`. Usage:

    python portal_conformance.py BASE_URL CA_CERT

BASE_URL is the portal's API root (https://127.0.0.1:PORT/v1/api); CA_CERT is the portal's
self-signed certificate, which TLS is verified against (never verify=False).

The websocket (/v1/api/ws, IB's topics smd+conid, sor and spl) is driven with websocket-client,
verified against the same certificate.

Prints one `CHECK name value` line per verified behaviour and `RESULT ok` at the end; on the
first failure prints `FAIL name: reason` and exits 1. Every wait is bounded.
"""
import json
import ssl
import sys
import time

import requests
import websocket

# IB's pacing: the CP Gateway allows 10 requests a second, and fewer on some endpoints
# (/iserver/account/orders and /iserver/account/trades 1 per 5 s, /portfolio/accounts 1 per 5 s).
# A 429 carries Retry-After; a documented client waits that long and asks again.
MAX_RETRIES_AFTER_429 = 4
MAX_RETRY_AFTER_SECONDS = 10
AAPL = 265598


class Failure(Exception):
    pass


class Portal:
    def __init__(self, base, ca_cert):
        self.base = base.rstrip("/")
        self.ca_cert = ca_cert
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "ibterm-portal-conformance"
        self.statuses = []  # every status answered, for the "no 401" check
        self.waited_429 = 0

    def raw(self, method, path, **kwargs):
        # verify on each request, not on the session: requests lets REQUESTS_CA_BUNDLE (or
        # CURL_CA_BUNDLE) in the environment override a session's verify, never a request's.
        answer = self.http.request(method, self.base + path, timeout=15, verify=self.ca_cert, **kwargs)
        self.statuses.append(answer.status_code)
        return answer

    def call(self, method, path, expect=200, **kwargs):
        """A request that honours 429 (waits Retry-After, a bounded number of times) and must
        answer `expect`; returns the decoded JSON."""
        for _ in range(MAX_RETRIES_AFTER_429 + 1):
            answer = self.raw(method, path, **kwargs)
            if answer.status_code != 429:
                break
            retry_after = answer.headers.get("Retry-After")
            if retry_after is None or not retry_after.isdigit():
                raise Failure(f"{method} {path} answered 429 without a numeric Retry-After: {answer.headers!r}")
            seconds = int(retry_after)
            if not 1 <= seconds <= MAX_RETRY_AFTER_SECONDS:
                raise Failure(f"{method} {path} answered 429 with Retry-After {seconds}, outside 1...{MAX_RETRY_AFTER_SECONDS}")
            self.waited_429 += 1
            time.sleep(seconds)
        if answer.status_code == 401:
            raise Failure(f"{method} {path} answered 401 for a valid session: {answer.text}")
        if answer.status_code != expect:
            raise Failure(f"{method} {path} answered {answer.status_code} (expected {expect}): {answer.text}")
        if not answer.headers.get("Content-Type", "").startswith("application/json"):
            raise Failure(f"{method} {path} answered Content-Type {answer.headers.get('Content-Type')!r}, not JSON")
        try:
            return answer.json()
        except ValueError as error:
            raise Failure(f"{method} {path} answered invalid JSON ({error}): {answer.text[:200]}")

    def get(self, path, **kwargs):
        return self.call("GET", path, **kwargs)

    def post(self, path, body=None, **kwargs):
        return self.call("POST", path, json=body if body is not None else {}, **kwargs)

    def delete(self, path, **kwargs):
        return self.call("DELETE", path, **kwargs)


def check(name, value):
    print(f"CHECK {name} {value}", flush=True)


def expect(condition, message):
    if not condition:
        raise Failure(message)


def price(text):
    """A snapshot value as a number: IB prefixes a last price that is the previous close with C
    and a halted one with H, and writes thousands with commas."""
    if not isinstance(text, str):
        raise Failure(f"snapshot value {text!r} is not a string (IB sends every field as a string)")
    return float(text.lstrip("CH").replace(",", ""))


def place(portal, account, ticket):
    """POST an order and follow IB's reply flow: every question (an element with `id` and
    `message`) is answered {"confirmed": true} until the answer is an acknowledgement. Returns
    (acknowledgement, questions' messageIds in the order asked)."""
    answer = portal.post(f"/iserver/account/{account}/orders", {"orders": [ticket]})
    asked = []
    for _ in range(6):
        expect(isinstance(answer, list) and answer, f"an order answer is a non-empty JSON array, got {answer!r}")
        first = answer[0]
        if "order_id" in first:
            return first, asked
        expect("id" in first and "message" in first, f"an order answer is a question (id, message) or an acknowledgement (order_id), got {first!r}")
        expect(isinstance(first["message"], list) and first["message"], f"a question's message is a list of lines: {first!r}")
        asked += first.get("messageIds", [])
        answer = portal.post(f"/iserver/reply/{first['id']}", {"confirmed": True})
    raise Failure(f"more than 5 questions for one order: {asked}")


def find_order(portal, order_id, wanted, tries=8):
    """Polls /iserver/account/orders (1 request per 5 s: 429s are waited out) until the order
    has a status in `wanted`; returns the order."""
    seen = None
    for _ in range(tries):
        answer = portal.get("/iserver/account/orders")
        expect(isinstance(answer, dict) and isinstance(answer.get("orders"), list), f"/iserver/account/orders answers {{orders: [...]}}, got {answer!r}")
        seen = next((o for o in answer["orders"] if o.get("orderId") == order_id), None)
        if seen is not None and seen.get("status") in wanted:
            return seen
    raise Failure(f"order {order_id} never showed a status in {sorted(wanted)} in /iserver/account/orders; last seen {seen!r}")


def positions(portal, account):
    answer = portal.get(f"/portfolio/{account}/positions/0")
    expect(isinstance(answer, list), f"positions answers a JSON array, got {answer!r}")
    return answer


def aapl_position(rows):
    row = next((p for p in rows if p.get("conid") == AAPL), None)
    return (row or {}).get("position", 0.0), row


def usd_cash(portal, account):
    ledger = portal.get(f"/portfolio/{account}/ledger")
    usd = ledger.get("USD")
    expect(isinstance(usd, dict) and isinstance(usd.get("cashbalance"), (int, float)) and "BASE" in ledger,
           f"the ledger has USD and BASE rows with cashbalance: {ledger!r}"[:600])
    return usd["cashbalance"]


def ws_read_until(ws, predicate, what, seconds=15):
    """Reads the websocket's messages (JSON objects with a topic; heartbeats among them) until
    `predicate` returns something for one; at most `seconds`."""
    deadline = time.time() + seconds
    topics = []
    while time.time() < deadline:
        ws.settimeout(max(0.1, deadline - time.time()))
        try:
            text = ws.recv()
        except websocket.WebSocketTimeoutException:
            break
        try:
            message = json.loads(text)
        except ValueError:
            raise Failure(f"a websocket message is not JSON: {text[:200]!r}")
        expect(isinstance(message, dict) and "topic" in message, f"a websocket message is an object with a topic: {text[:200]!r}")
        expect(message["topic"] != "error", f"the websocket answered an error: {message!r}")
        topics.append(message["topic"])
        found = predicate(message)
        if found:
            return found
    raise Failure(f"no {what} on the websocket within {seconds} s; topics seen: {topics[-20:]}")


def websocket_checks(portal, account, session):
    url = "wss://" + portal.base.split("://", 1)[1] + "/ws"
    # IB's clients open it with the session of /tickle as the `api` cookie.
    ws = websocket.create_connection(url, timeout=15, cookie=f"api={session}",
                                     sslopt={"ca_certs": portal.ca_cert, "cert_reqs": ssl.CERT_REQUIRED})
    try:
        status = ws_read_until(ws, lambda m: m if m["topic"] == "sts" else None, "sts (session status) after connecting")
        expect(status.get("args", {}).get("authenticated") is True, f"the websocket's sts says authenticated: {status!r}")
        check("wsStatus", f"sts authenticated={status['args']['authenticated']} competing={status['args'].get('competing')}")

        ws.send(f'smd+{AAPL}+{{"fields":["31","84","86"]}}')
        fields = {}

        def quote(message):
            if message["topic"] != f"smd+{AAPL}":
                return None
            expect(message.get("conid") == AAPL, f"an smd message names its conid: {message!r}")
            for code in ("31", "84", "86"):
                if code in message:
                    expect(isinstance(message[code], str), f"smd field {code} is a string: {message!r}")
                    fields[code] = message[code]
            return dict(fields) if len(fields) == 3 else None
        got = ws_read_until(ws, quote, f"smd+{AAPL} with 31, 84 and 86")
        expect(0 < price(got["84"]) <= price(got["86"]), f"streamed bid <= ask: {got!r}")
        check("wsMarketData", f"smd+{AAPL} last={got['31']} bid={got['84']} ask={got['86']}")

        ws.send("sor+{}")
        limit = round(max(0.01, price(got["31"]) * 0.5), 2)
        ack, asked = place(portal, account, {"acctId": account, "conid": AAPL, "cOID": f"conf-ws-{int(time.time() * 1000)}",
                                             "orderType": "LMT", "price": limit, "side": "BUY", "tif": "DAY", "quantity": 1})
        expect(asked == ["o163"], f"the far LMT was asked o163, got {asked}")
        order_id = int(ack["order_id"])

        def order_in(statuses):
            def find(message):
                if message["topic"] != "sor":
                    return None
                expect(isinstance(message.get("args"), list), f"a sor message carries a list of orders: {message!r}")
                return next((o for o in message["args"] if o.get("orderId") == order_id and o.get("status") in statuses), None)
            return find
        working = ws_read_until(ws, order_in({"Submitted", "PreSubmitted"}), f"sor with order {order_id} working")
        check("wsOrders", f"sor orderId={order_id} status={working['status']} {working['side']} {working['totalSize']:g} {working['ticker']}")
        portal.delete(f"/iserver/account/{account}/order/{order_id}")
        cancelled = ws_read_until(ws, order_in({"Cancelled"}), f"sor with order {order_id} Cancelled")
        check("wsCancelled", f"sor orderId={order_id} status={cancelled['status']}")
        ws.send(f"umd+{AAPL}+{{}}")
        ws.send("uor+{}")

        # P&L (spl): one row per account, keyed ACCOUNT.Core, IB's short names.
        ws.send("spl+{}")
        def pnl(message):
            if message["topic"] != "spl":
                return None
            rows = message.get("args")
            expect(isinstance(rows, dict), f"an spl message carries rows by key: {message!r}")
            row = rows.get(f"{account}.Core")
            if row is None:
                return None
            for key in ("rowType", "dpl", "nl", "upl", "el", "mv"):
                expect(key in row, f"an spl row has {key}: {row!r}")
            expect(isinstance(row["nl"], (int, float)) and row["nl"] > 0, f"an spl row's net liquidation is a positive number: {row!r}")
            return row
        row = ws_read_until(ws, pnl, f"spl with {account}.Core")
        check("wsPnL", f"spl {account}.Core nl={row['nl']} upl={row['upl']} dpl={row['dpl']} mv={row['mv']}")
        ws.send("upl{}")
    finally:
        ws.close()


def run(portal):
    # --- TLS: verified against the portal's certificate, and only against it ---
    try:
        requests.get(portal.base + "/iserver/auth/status", timeout=15, verify=requests.certs.where())
        raise Failure("the portal's self-signed certificate verified against the public CA bundle: verification is not happening")
    except requests.exceptions.SSLError:
        pass
    check("tls", f"verified against {portal.ca_cert}; refused against the public CA bundle")

    # --- Session ---
    status = portal.get("/iserver/auth/status")
    expect(status.get("authenticated") is True and status.get("connected") is True and status.get("competing") is False,
           f"auth status is authenticated, connected, not competing: {status!r}")
    check("authStatus", f"authenticated={status['authenticated']} connected={status['connected']} competing={status['competing']}")

    tickle = portal.post("/tickle")
    auth = tickle.get("iserver", {}).get("authStatus", {})
    expect(tickle.get("session") and auth.get("authenticated") is True, f"tickle names a session and an authenticated brokerage session: {tickle!r}")
    check("tickle", f"session={tickle['session']} authenticated={auth['authenticated']}")

    # --- Accounts (IB: call /iserver/accounts before orders) ---
    accounts = portal.get("/iserver/accounts")
    expect(isinstance(accounts.get("accounts"), list) and accounts["accounts"], f"/iserver/accounts lists accounts: {accounts!r}")
    account = accounts.get("selectedAccount")
    expect(account in accounts["accounts"], f"the selected account {account!r} is one of {accounts['accounts']}")
    check("iserverAccounts", f"{','.join(accounts['accounts'])} selected={account}")

    portfolio = portal.get("/portfolio/accounts")
    expect(isinstance(portfolio, list) and any(a.get("id") == account or a.get("accountId") == account for a in portfolio),
           f"/portfolio/accounts lists {account}: {portfolio!r}")
    check("portfolioAccounts", ",".join(str(a.get("id")) for a in portfolio))

    summary = portal.get(f"/portfolio/{account}/summary")
    net = summary.get("netliquidation")
    expect(isinstance(net, dict) and isinstance(net.get("amount"), (int, float)) and net["amount"] > 0,
           f"summary has netliquidation with a positive amount: {net!r}")
    check("summary", f"netliquidation={net['amount']} {net.get('currency')}")

    # --- Contracts ---
    found = portal.get("/iserver/secdef/search", params={"symbol": "AAPL"})
    expect(isinstance(found, list) and found, f"secdef search answers a non-empty array: {found!r}")
    aapl = next((r for r in found if r.get("symbol") == "AAPL"), None)
    expect(aapl is not None and aapl.get("conid") == str(AAPL), f"secdef search AAPL gives conid \"{AAPL}\" (a string): {found!r}")
    expect(any(s.get("secType") == "STK" for s in aapl.get("sections", [])), f"AAPL's sections list STK: {aapl!r}")
    check("secdefSearch", f"AAPL conid={aapl['conid']!r}")

    info = portal.get(f"/iserver/contract/{AAPL}/info")
    expect(info.get("con_id") == AAPL and info.get("symbol") == "AAPL" and info.get("instrument_type") == "STK",
           f"contract info of {AAPL} is AAPL STK: {info!r}")
    check("contractInfo", f"{info['symbol']} {info['instrument_type']} {info.get('currency')} exchange={info.get('exchange')}")

    # --- Market data: the pre-flight, then the fields ---
    # Streams from an earlier run of a client would skip the pre-flight: end them first.
    ended = portal.get("/iserver/marketdata/unsubscribeall")
    expect(ended.get("unsubscribed") is True, f"unsubscribeall answers unsubscribed: true: {ended!r}")
    fields = {"fields": "31,84,86", "conids": str(AAPL)}
    first = portal.get("/iserver/marketdata/snapshot", params=fields)
    expect(isinstance(first, list) and len(first) == 1 and first[0].get("conid") == AAPL, f"snapshot answers one entry for {AAPL}: {first!r}")
    expect(not any(code in first[0] for code in ("31", "84", "86")), f"the first snapshot is a pre-flight, without 31/84/86: {first!r}")
    check("snapshotPreflight", "keys=" + ",".join(sorted(first[0])))
    quote = None
    for attempt in range(1, 21):
        time.sleep(0.25)
        answer = portal.get("/iserver/marketdata/snapshot", params=fields)
        entry = answer[0] if isinstance(answer, list) and answer else {}
        if all(code in entry for code in ("31", "84", "86")):
            quote = entry
            break
    expect(quote is not None, f"no snapshot with 31, 84 and 86 within 20 requests after the pre-flight; last {answer!r}")
    last, bid, ask = price(quote["31"]), price(quote["84"]), price(quote["86"])
    expect(0 < bid <= ask, f"bid {bid} <= ask {ask}")
    check("snapshot", f"after {attempt} more request(s): last={quote['31']} bid={quote['84']} ask={quote['86']}")

    history = portal.get("/iserver/marketdata/history", params={"conid": AAPL, "period": "1d", "bar": "5min"})
    bars = history.get("data")
    expect(isinstance(bars, list) and bars, f"history has bars: {history!r}"[:400])
    expect(all(all(k in b for k in "ohlct") and b["h"] >= b["l"] for b in bars), f"every bar has o, h, l, c, t with h >= l: {bars[:3]!r}")
    expect(all(a["t"] < b["t"] for a, b in zip(bars, bars[1:])), "bars are in time order")
    check("history", f"{history.get('symbol')} bars={len(bars)} barLength={history.get('barLength')}")

    before, _ = aapl_position(positions(portal, account))

    # --- An order far from the market: question o163, confirmed, acknowledged ---
    far = round(max(0.01, last * 0.5), 2)
    stamp = int(time.time() * 1000)
    ticket = {"acctId": account, "conid": AAPL, "cOID": f"conf-lmt-{stamp}", "orderType": "LMT", "price": far,
              "side": "BUY", "tif": "DAY", "quantity": 1}
    answer = portal.post(f"/iserver/account/{account}/orders", {"orders": [ticket]})
    expect(isinstance(answer, list) and len(answer) == 1 and "id" in answer[0], f"a LMT 50% below the market is answered with a question: {answer!r}")
    question = answer[0]
    expect(question.get("messageIds") == ["o163"], f"the question is o163 (price percentage): {question!r}")
    expect(question.get("isSuppressed") is False and isinstance(question.get("message"), list), f"a question has message lines and isSuppressed: {question!r}")
    check("orderQuestion", f"messageIds={question['messageIds']} id={question['id']}")
    ack = portal.post(f"/iserver/reply/{question['id']}", {"confirmed": True})
    expect(isinstance(ack, list) and len(ack) == 1 and "order_id" in ack[0] and "order_status" in ack[0],
           f"the reply is answered with [{{order_id, order_status}}]: {ack!r}")
    expect(isinstance(ack[0]["order_id"], str) and ack[0]["order_id"].isdigit(), f"order_id is a string of digits: {ack!r}")
    limit_id = int(ack[0]["order_id"])
    check("orderReply", f"order_id={ack[0]['order_id']} order_status={ack[0]['order_status']}")
    again = portal.raw("POST", f"/iserver/reply/{question['id']}", json={"confirmed": True})
    expect(again.status_code == 400, f"a reply id is good once: a second reply answers 400, got {again.status_code} {again.text}")

    working = find_order(portal, limit_id, {"Submitted", "PreSubmitted"})
    expect(working.get("ticker") == "AAPL" and working.get("side") == "BUY" and working.get("totalSize") == 1,
           f"the live order is BUY 1 AAPL: {working!r}")
    check("liveOrder", f"orderId={limit_id} status={working['status']} {working['side']} {working['totalSize']:g} {working['ticker']} "
                       f"{working.get('orderType')} price={working.get('price')} order_ref={working.get('order_ref')}")

    cancel = portal.delete(f"/iserver/account/{account}/order/{limit_id}")
    expect(str(cancel.get("order_id")) == str(limit_id) and cancel.get("msg"), f"cancel is acknowledged for {limit_id}: {cancel!r}")
    check("cancelRequest", f"msg={cancel['msg']!r}")
    cancelled = find_order(portal, limit_id, {"Cancelled"})
    check("cancelled", f"orderId={limit_id} status={cancelled['status']}")

    # --- A marketable order fills ---
    cash_before = usd_cash(portal, account)
    mkt_ref = f"conf-mkt-{stamp}"
    ack, asked = place(portal, account, {"acctId": account, "conid": AAPL, "cOID": mkt_ref, "orderType": "MKT",
                                         "side": "BUY", "tif": "DAY", "quantity": 10})
    market_id = int(ack["order_id"])
    check("marketOrder", f"order_id={market_id} order_status={ack['order_status']} questions={asked}")
    trade = None
    for _ in range(8):
        trades = portal.get("/iserver/account/trades")
        expect(isinstance(trades, list), f"trades answers a JSON array: {trades!r}")
        mine = [t for t in trades if t.get("order_ref") == mkt_ref]
        if sum(t.get("size", 0) for t in mine) >= 10:
            trade = mine
            break
    expect(trade is not None, f"the MKT order's fills (order_ref {mkt_ref}) total 10 in /iserver/account/trades; last {trades!r}"[:600])
    expect(all(t.get("conid") == AAPL and t.get("side") == "B" and t.get("account") == account for t in trade), f"the fills are AAPL bought in {account}: {trade!r}")
    fill_price = price(trade[0]["price"])
    check("trades", f"order_ref={mkt_ref} fills={len(trade)} size={sum(t['size'] for t in trade):g} price={trade[0]['price']} "
                    f"commission={trade[0].get('commission')} execution_id={trade[0]['execution_id']}")
    filled = find_order(portal, market_id, {"Filled"})
    check("filled", f"orderId={market_id} status={filled['status']} filledQuantity={filled['filledQuantity']:g} avgPrice={filled.get('avgPrice')}")

    after, row = before, None
    for _ in range(10):
        after, row = aapl_position(positions(portal, account))
        if after == before + 10:
            break
        time.sleep(0.5)
    expect(after == before + 10, f"positions shows AAPL {before:g} + 10 after the fill, got {after:g}: {row!r}")
    check("positions", f"AAPL position={after:g} (was {before:g}) mktPrice={row.get('mktPrice')} avgCost={row.get('avgCost')}")

    commission = sum(float(t.get("commission") or 0) for t in trade)
    cost = sum(t["size"] * price(t["price"]) for t in trade) + commission
    cash_after = usd_cash(portal, account)
    expect(abs((cash_before - cash_after) - cost) < 0.01,
           f"the ledger's USD cash fell by the fills' cost {cost:.4f}: {cash_before} -> {cash_after}")
    check("ledger", f"USD cashbalance {cash_before:.3f} -> {cash_after:.3f} (cost {cost:.3f} with commission {commission:g})")

    # --- The websocket: market data and live orders pushed ---
    websocket_checks(portal, account, tickle["session"])

    # --- IB's rate limit: /iserver/account/orders is 1 request per 5 s ---
    portal.get("/iserver/account/orders")  # admitted (after waiting out any 429): the window is full now
    burst = [portal.raw("GET", "/iserver/account/orders") for _ in range(2)]
    codes = [b.status_code for b in burst]
    expect(codes == [429, 429], f"two more GET /iserver/account/orders within 5 s of an admitted one answer 429, got {codes}")
    expect(all(b.headers.get("Retry-After", "").isdigit() and 1 <= int(b.headers["Retry-After"]) <= 5 for b in burst),
           f"every 429 carries Retry-After in whole seconds, at most 5: {[dict(b.headers) for b in burst]}")
    check("rateLimit", f"burst after an admitted request: statuses={codes} Retry-After={burst[0].headers['Retry-After']}")

    # --- The session held throughout ---
    status = portal.get("/iserver/auth/status")
    expect(status.get("authenticated") is True, f"still authenticated at the end: {status!r}")
    unauthorized = portal.statuses.count(401)
    expect(unauthorized == 0, f"{unauthorized} request(s) answered 401 in a valid session")
    check("no401", f"requests={len(portal.statuses)} answered401=0 answered429={portal.statuses.count(429)} waitedOn429={portal.waited_429}")
    check("fill", f"orderId={market_id} shares=10 price={fill_price} execId={trade[0]['execution_id']}")


def main():
    if len(sys.argv) != 3:
        print("usage: portal_conformance.py BASE_URL CA_CERT", file=sys.stderr)
        sys.exit(2)
    portal = Portal(sys.argv[1], sys.argv[2])
    try:
        run(portal)
    except Failure as failure:
        print(f"FAIL {failure}", flush=True)
        sys.exit(1)
    except requests.exceptions.SSLError as error:
        print(f"FAIL TLS: the portal's certificate did not verify against {sys.argv[2]}: {error}", flush=True)
        sys.exit(1)
    except requests.exceptions.RequestException as error:
        print(f"FAIL HTTP: {error}", flush=True)
        sys.exit(1)
    except ssl.SSLError as error:
        print(f"FAIL TLS: the websocket's certificate did not verify against {sys.argv[2]}: {error}", flush=True)
        sys.exit(1)
    except websocket.WebSocketException as error:
        print(f"FAIL websocket: {error}", flush=True)
        sys.exit(1)
    print("RESULT ok", flush=True)


if __name__ == "__main__":
    main()
