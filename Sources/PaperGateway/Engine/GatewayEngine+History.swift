import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    /// The most historical requests one client may hold open, being drawn or kept up to date
    /// (IB's 50 simultaneous historical requests).
    static let maximumOpenHistoryRequests = 50

    /// reqHistoricalData: checks the request as TWS does (321 for a field that does not
    /// validate, 162 for data the service does not have or for a pacing violation, 200 for an
    /// unknown contract), then answers HISTORICAL_DATA and, from server version 196,
    /// HISTORICAL_DATA_END; a keepUpToDate request stays open and gets
    /// HISTORICAL_DATA_UPDATE for the bar in progress until it is cancelled.
    func sendHistoricalData(_ request: RequestHistoricalData, to session: ClientSession) {
        let reqId = request.reqId
        guard let instrument = universe.resolve(request.contract.query) else {
            send(error: 200, "No security definition has been found for the request", id: reqId, to: session)
            return
        }
        let query: HistoricalQuery
        do {
            query = try HistoricalQuery(
                barSize: request.barSizeSetting, duration: request.durationString, whatToShow: request.whatToShow,
                useRTH: request.useRTH, endDateTime: request.endDateTime, keepUpToDate: request.keepUpToDate)
        } catch {
            refuse(reqId, error, session: session)
            return
        }
        let pending = historyJobs.filter { $0.connectionNumber == session.connectionNumber }
        guard session.historyStreams[reqId] == nil, !pending.contains(where: { $0.reqId == reqId }) else {
            send(error: 322, "Error processing request.-'bP' : cause - Duplicate ticker id", id: reqId, to: session)
            return
        }
        guard session.historyStreams.count + pending.count < Self.maximumOpenHistoryRequests else {
            send(error: 322, "Error processing request.-'bP' : cause - Only \(Self.maximumOpenHistoryRequests) simultaneous API historical data requests allowed.", id: reqId, to: session)
            return
        }
        let series = "\(instrument.conId)@\(request.contract.exchange.isEmpty ? instrument.exchange : request.contract.exchange):\(query.show.rawValue)"
        let name = "\(series) \(request.endDateTime) \(request.durationString) \(request.barSizeSetting) \(request.useRTH) \(request.formatDate)"
        let estimate = Int(min(query.duration.nominalSeconds / query.barSize.seconds, HistoricalQuery.maximumSteps))
        if let violation = session.historyPacing.admit(
            request: name, series: series, show: query.show, barSize: query.barSize, bars: estimate,
            nowMilliseconds: now.millisecondsSinceEpoch
        ) {
            logger.info("\(session.label) historical request \(reqId) refused: \(violation.message)")
            refuse(reqId, violation, session: session)
            return
        }
        let drawer = historyDrawer(for: instrument)
        let plan: HistoricalPlan
        do {
            plan = try drawer.plan(query)
        } catch {
            refuse(reqId, error, session: session)
            return
        }
        if query.keepUpToDate {
            session.historyStreams[reqId] = HistoryStream(query: query, conId: instrument.conId, formatDate: request.formatDate, lastSent: nil)
        }
        historyJobs.append(HistoryJob(
            connectionNumber: session.connectionNumber, reqId: reqId, formatDate: request.formatDate, drawer: drawer, plan: plan,
            answer: HistoricalDataEncoder(reqId: reqId)))
        load.peakHistoryJobs = max(load.peakHistoryJobs, historyJobs.count)
        if historyJobs.count == 1 { drawHistory() }
    }

    /// Draws and encodes queued historical answers, oldest request first, at most
    /// ``GatewayConfiguration/historyBarsPerTurn`` bars this turn (weekly and monthly bars, which
    /// group sessions, are drawn whole: one bar a week at most), and sends each that is complete
    /// (HISTORICAL_DATA, then HISTORICAL_DATA_END from server version 196). The answers of a
    /// client whose earlier answers wait unread are passed over until it has read them. Called
    /// when a request arrives on an idle queue and on every timer tick.
    func drawHistory() {
        var budget = configuration.historyBarsPerTurn
        var drawn = 0
        var held = historyJobs.reduce(0) { $0 + $1.answer.encodedByteCount }
        var index = 0
        while budget > 0, index < historyJobs.count {
            guard let session = sessions[historyJobs[index].connectionNumber], session.phase == .ready else {
                historyJobs.remove(at: index)
                continue
            }
            guard !session.waitingForWrites else {
                index += 1
                continue
            }
            if historyJobs[index].cursor != nil {
                // In place: the encoded answer is not copied for the part appended to it.
                let (count, bytes) = Self.drawPart(of: &historyJobs[index], limit: budget)
                held += bytes
                load.peakHistoryBytes = max(load.peakHistoryBytes, held)
                budget -= max(1, count)
                drawn += count
            }
            guard historyJobs[index].cursor == nil else { continue }
            let job = historyJobs.remove(at: index)
            held -= job.answer.encodedByteCount
            let startText = Self.historyTime(job.plan.start)
            let endText = Self.historyTime(job.plan.end)
            session.send(frame: job.answer.frame(startDate: startText, endDate: endText, serverVersion: session.serverVersion))
            if session.serverVersion >= 196 {
                session.send(.historicalDataEnd(HistoricalDataEnd(reqId: job.reqId, startDate: startText, endDate: endText)))
            }
            session.historyStreams[job.reqId]?.lastSent = job.lastBar
        }
        load.peakHistoryBarsPerTurn = max(load.peakHistoryBarsPerTurn, drawn)
    }

    /// With the market timer running, a history answer left unfinished is drawn on in a later
    /// loop turn (after the I/O that is ready by then), not only at the next timer tick: large
    /// answers come sooner and every turn still draws at most its budget. Under a test's clock
    /// (no timer) history is drawn on the ticks the test runs, so that what a test sees does
    /// not depend on the machine's speed. Called from ``scheduleTurns()``.
    func scheduleHistoryTurn() {
        guard configuration.tickIntervalMilliseconds != nil, !historyTurnScheduled,
              let session = historyJobs.lazy.compactMap({ self.sessions[$0.connectionNumber] }).first(where: { !$0.waitingForWrites })
        else { return }
        historyTurnScheduled = true
        session.later { [weak self] in
            guard let self else { return }
            self.historyTurnScheduled = false
            self.drawHistory()
            self.flushAll()
        }
    }

    /// Draws and encodes the next part of `job`, at most `limit` bars: how many, and how many
    /// bytes they took.
    private static func drawPart(of job: inout HistoryJob, limit: Int) -> (bars: Int, bytes: Int) {
        guard let cursor = job.cursor else { return (0, 0) }
        let part = job.drawer.bars(of: job.plan, from: cursor, limit: limit)
        let before = job.answer.encodedByteCount
        let formatDate = job.formatDate
        job.answer.append(part.bars.lazy.map { wireBar($0, formatDate: formatDate) })
        job.lastBar = part.bars.last ?? job.lastBar
        job.cursor = part.next
        return (part.bars.count, job.answer.encodedByteCount - before)
    }

    /// cancelHistoricalData: ends a keepUpToDate request; for one that is not open, IB's 366.
    func cancelHistoricalData(reqId: Int, session: ClientSession) {
        let pending = historyJobs.count
        historyJobs.removeAll { $0.connectionNumber == session.connectionNumber && $0.reqId == reqId }
        guard session.historyStreams.removeValue(forKey: reqId) != nil || historyJobs.count < pending else {
            send(error: 366, "No historical data query found for ticker id:\(reqId)", id: reqId, to: session)
            return
        }
    }

    /// Sends every open keepUpToDate request its bar in progress when it changed.
    func pushHistoryUpdates() {
        for session in readySessions where !session.historyStreams.isEmpty {
            for (reqId, stream) in session.historyStreams.sorted(by: { $0.key < $1.key })
            where !historyJobs.contains(where: { $0.connectionNumber == session.connectionNumber && $0.reqId == reqId }) {
                guard let instrument = universe.instrument(conId: stream.conId),
                      let bar = historyDrawer(for: instrument).barInProgress(stream.query), bar != stream.lastSent else { continue }
                session.historyStreams[reqId]?.lastSent = bar
                session.send(.historicalDataUpdate(HistoricalDataUpdate(reqId: reqId, bar: Self.wireBar(bar, formatDate: stream.formatDate))))
            }
        }
    }

    /// reqHeadTimeStamp: the first instant with data of that kind (HEAD_TIMESTAMP, dated
    /// `yyyyMMdd-HH:mm:ss` in UTC or epoch seconds with formatDate 2), or the refusal
    /// reqHistoricalData would give for the same contract and `whatToShow`.
    func sendHeadTimestamp(_ request: RequestHeadTimestamp, to session: ClientSession) {
        guard let instrument = universe.resolve(request.contract.query) else {
            send(error: 200, "No security definition has been found for the request", id: request.reqId, to: session)
            return
        }
        do {
            let query = try HistoricalQuery(
                barSize: "1 day", duration: "1 D", whatToShow: request.whatToShow, useRTH: request.useRTH, endDateTime: "", keepUpToDate: false)
            let drawer = historyDrawer(for: instrument)
            try drawer.checkAvailable(query.show)
            let head = drawer.headTimestamp
            let text = request.formatDate == 2 ? String(head) : TimeText.dashedDateTime(Timestamp(secondsSinceEpoch: head))
            session.send(.headTimestamp(HeadTimestamp(reqId: request.reqId, headTimestamp: text)))
        } catch {
            refuse(request.reqId, error, session: session)
        }
    }

    func historyDrawer(for instrument: Instrument) -> HistoricalBars {
        let quote = exchange.quote(conId: instrument.conId)
        return HistoricalBars(instrument: instrument, seed: configuration.seed, mark: quote?.markPrice ?? instrument.referencePrice,
                              now: now.secondsSinceEpoch, previousClose: quote?.close)
    }

    private func refuse(_ reqId: Int, _ error: HistoricalRequestError, session: ClientSession) {
        send(error: error.code, error.message, id: reqId, to: session)
    }

    /// A bar as TWS writes it: dated `yyyyMMdd` (daily and longer) or `yyyyMMdd HH:mm:ss US/Eastern`
    /// (formatDate 1) or epoch seconds (formatDate 2); quotes and midpoints carry
    /// -1 for volume, VWAP and count.
    static func wireBar(_ bar: HistoricalBar, formatDate: Int) -> Bar {
        let date: String
        if let day = bar.tradeDay {
            date = TimeText.date(day.utcMidnight)
        } else if formatDate == 2 {
            date = String(bar.start)
        } else {
            date = historyTime(bar.start)
        }
        return Bar(
            date: date, open: bar.open, high: bar.high, low: bar.low, close: bar.close,
            volume: bar.volume.map { FixedDecimal(Int($0)) } ?? FixedDecimal(-1), wap: bar.wap ?? -1, barCount: bar.count ?? -1)
    }

    /// `yyyyMMdd HH:mm:ss US/Eastern`: New York time with the zone's name, as TWS writes an
    /// intraday bar's date and an answer's span in its login zone (a recorded TWS 10.20 answer:
    /// `20221229 18:00:00 US/Eastern`). The name lets a client read the instant: ib_async turns
    /// it into an aware datetime and pages back with it correctly; without it, it took the time
    /// for its own zone.
    static func historyTime(_ seconds: Int64) -> String {
        TimeText.dateTime(Timestamp(secondsSinceEpoch: seconds), utcOffsetSeconds: Int(NewYorkTime.utcOffset(atUTC: seconds)))
            + " US/Eastern"
    }
}
