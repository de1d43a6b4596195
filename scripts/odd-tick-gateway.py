#!/usr/bin/env python3
"""A tiny TWS stand-in that sends one TICK_PRICE with a field too many after each reqMktData.

It answers the handshake as TWS does (server version 200), START_API with MANAGED_ACCTS and
NEXT_VALID_ID, REQ_OPEN_ORDERS with OPEN_ORDER_END, REQ_EXECUTIONS with EXECUTION_DATA_END and
REQ_CURRENT_TIME with CURRENT_TIME. After each REQ_MKT_DATA it sends MARKET_DATA_TYPE, then
one TICK_PRICE carrying one unexpected extra field, then ordinary bid/ask/last/volume ticks.

It shares no code with ibterm: it is written from the protocol notes
(../shared/docs/tws-wire-protocol.md), so it checks ibterm against an independent reading.

Usage: odd-tick-gateway.py [--port N] [--port-file PATH]   (port 0 picks a free one; the
chosen port is printed as "listening on PORT" and written to --port-file)
"""
import argparse
import socket
import struct
import sys
import threading
import time

SERVER_VERSION = 200
PRICES = {"AAPL": (231.20, 231.25, 231.22), "MSFT": (412.10, 412.18, 412.15)}


def frame(*fields):
    payload = b"".join(str(f).encode() + b"\0" for f in fields)
    return struct.pack(">I", len(payload)) + payload


class Connection:
    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""

    def read_exact(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def read_frame(self):
        (length,) = struct.unpack(">I", self.read_exact(4))
        return self.read_exact(length).split(b"\0")[:-1]

    def send(self, data):
        self.sock.sendall(data)

    def serve(self):
        if self.read_exact(4) != b"API\0":
            return
        self.read_frame()  # "v157..200"
        self.send(frame(SERVER_VERSION, time.strftime("%Y%m%d %H:%M:%S UTC", time.gmtime())))
        while True:
            fields = self.read_frame()
            msg_id = int(fields[0])
            if msg_id == 71:  # START_API
                self.send(frame(15, 1, "DU1234567") + frame(9, 1, 1)
                          + frame(4, -1, 2104, "Market data farm connection is OK:usfarm", "", ""))
            elif msg_id == 5:  # REQ_OPEN_ORDERS
                self.send(frame(53, 1))
            elif msg_id == 7:  # REQ_EXECUTIONS: ver, reqId, ...
                self.send(frame(55, 1, int(fields[2])))
            elif msg_id == 49:  # REQ_CURRENT_TIME
                self.send(frame(49, 1, int(time.time())))
            elif msg_id == 1:  # REQ_MKT_DATA: ver, reqId, conId, symbol, ...
                req_id, symbol = int(fields[2]), fields[4].decode()
                bid, ask, last = PRICES.get(symbol, (10.0, 10.1, 10.05))
                self.send(
                    frame(58, 1, req_id, 1)
                    # TICK_PRICE: ver, reqId, tickType, price, size, attrMask, and one field more.
                    + frame(1, 6, req_id, 1, bid, 100, 0, "an-unexpected-extra-field")
                    + frame(1, 6, req_id, 2, ask, 200, 0)
                    + frame(1, 6, req_id, 4, last, 5, 0)
                    + frame(2, 6, req_id, 8, 123456)
                )
            # Anything else (cancels, market data type, ...) needs no answer.


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    args = parser.parse_args()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen()
    port = listener.getsockname()[1]
    if args.port_file:
        with open(args.port_file, "w") as f:
            f.write(f"{port}\n")
    print(f"listening on {port}", flush=True)
    while True:
        sock, _ = listener.accept()
        print("client connected", flush=True)

        def run(sock=sock):
            try:
                Connection(sock).serve()
            except (EOFError, ConnectionError):
                pass
            finally:
                sock.close()
                print("client disconnected", flush=True)

        threading.Thread(target=run, daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
