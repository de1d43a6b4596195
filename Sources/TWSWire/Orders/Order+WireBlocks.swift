// Field groups that OPEN_ORDER, COMPLETED_ORDER and PLACE_ORDER share, in IB's order.
// Each group reads and writes the same fields, so the three layouts stay in step.

extension FieldReader {
    /// A boolean that may be empty, meaning "TWS default".
    mutating func optionalBool(_ name: StaticString) throws(WireDecodingError) -> Bool? {
        let field = try rawField(name)
        if field.isEmpty { return nil }
        guard let value = Self.parseInt(field) else {
            throw WireDecodingError(message: messageName.description, field: name.description, index: fieldIndex - 1, bytes: String(decoding: field, as: UTF8.self), reason: .notABoolean)
        }
        return value == WireUnset.integer ? nil : value != 0
    }

    /// Delta-neutral order fields after the order type; `openOrderAttributes` adds the
    /// settling and clearing fields OPEN_ORDER carries.
    mutating func volatilityOrder(into o: inout Order, openOrderAttributes: Bool) throws(WireDecodingError) {
        o.volatility = try optionalDouble("volatility")
        o.volatilityType = try optionalInt("volatilityType")
        o.deltaNeutralOrderType = try string("deltaNeutralOrderType")
        o.deltaNeutralAuxPrice = try optionalDouble("deltaNeutralAuxPrice")
        if !o.deltaNeutralOrderType.isEmpty {
            o.deltaNeutralConId = try int("deltaNeutralConId")
            if openOrderAttributes {
                o.deltaNeutralSettlingFirm = try string("deltaNeutralSettlingFirm")
                o.deltaNeutralClearingAccount = try string("deltaNeutralClearingAccount")
                o.deltaNeutralClearingIntent = try string("deltaNeutralClearingIntent")
                o.deltaNeutralOpenClose = try string("deltaNeutralOpenClose")
            }
            o.deltaNeutralShortSale = try bool("deltaNeutralShortSale")
            o.deltaNeutralShortSaleSlot = try int("deltaNeutralShortSaleSlot")
            o.deltaNeutralDesignatedLocation = try string("deltaNeutralDesignatedLocation")
        }
        o.continuousUpdate = try bool("continuousUpdate")
        o.referencePriceType = try optionalInt("referencePriceType")
    }

    /// Combo description, contract legs and per-leg prices (event layout).
    mutating func comboLegs(into o: inout Order, contract c: inout Contract) throws(WireDecodingError) {
        c.comboLegsDescrip = try string("comboLegsDescrip")
        let legCount = try int("comboLegsCount")
        try checkCount(legCount, "comboLegsCount")
        c.comboLegs = []
        for _ in 0..<legCount {
            var leg = ComboLeg()
            leg.conId = try int("conId")
            leg.ratio = try int("ratio")
            leg.action = try string("action")
            leg.exchange = try string("exchange")
            leg.openClose = try int("openClose")
            leg.shortSaleSlot = try int("shortSaleSlot")
            leg.designatedLocation = try string("designatedLocation")
            leg.exemptCode = try int("exemptCode")
            c.comboLegs.append(leg)
        }
        let priceCount = try int("orderComboLegsCount")
        try checkCount(priceCount, "orderComboLegsCount")
        o.orderComboLegPrices = []
        for _ in 0..<priceCount { o.orderComboLegPrices.append(try optionalDouble("price")) }
    }

    /// Scale order sizes and, when a price increment is set, its seven companions.
    mutating func scaleOrder(into o: inout Order) throws(WireDecodingError) {
        o.scaleInitLevelSize = try optionalInt("scaleInitLevelSize")
        o.scaleSubsLevelSize = try optionalInt("scaleSubsLevelSize")
        o.scalePriceIncrement = try optionalDouble("scalePriceIncrement")
        if let increment = o.scalePriceIncrement, increment > 0 {
            o.scalePriceAdjustValue = try optionalDouble("scalePriceAdjustValue")
            o.scalePriceAdjustInterval = try optionalInt("scalePriceAdjustInterval")
            o.scaleProfitOffset = try optionalDouble("scaleProfitOffset")
            o.scaleAutoReset = try bool("scaleAutoReset")
            o.scaleInitPosition = try optionalInt("scaleInitPosition")
            o.scaleInitFillQty = try optionalInt("scaleInitFillQty")
            o.scaleRandomPercent = try bool("scaleRandomPercent")
        }
    }

    /// The hedge type and, when set, its parameter.
    mutating func hedge(into o: inout Order) throws(WireDecodingError) {
        o.hedgeType = try string("hedgeType")
        if !o.hedgeType.isEmpty { o.hedgeParam = try string("hedgeParam") }
    }

    /// Presence flag, then the delta-neutral contract.
    mutating func deltaNeutralContract(into c: inout Contract) throws(WireDecodingError) {
        if try bool("deltaNeutralContractPresent") {
            c.deltaNeutralContract = DeltaNeutralContract(conId: try int("conId"), delta: try double("delta"), price: try double("price"))
        }
    }

    /// The algo strategy and, when set, its parameters.
    mutating func algo(into o: inout Order) throws(WireDecodingError) {
        o.algoStrategy = try string("algoStrategy")
        if !o.algoStrategy.isEmpty { o.algoParams = try tagValues("algoParamsCount") }
    }

    /// Benchmark peg fields, present only for PEG BENCH orders.
    mutating func pegBench(into o: inout Order) throws(WireDecodingError) {
        guard o.isPegBench else { return }
        o.referenceContractId = try int("referenceContractId")
        o.isPeggedChangeAmountDecrease = try bool("isPeggedChangeAmountDecrease")
        o.peggedChangeAmount = try double("peggedChangeAmount")
        o.referenceChangeAmount = try double("referenceChangeAmount")
        o.referenceExchangeId = try string("referenceExchangeId")
    }

    /// PEG BEST / PEG MID attributes of order events (server version 170+).
    mutating func pegBestPegMid(into o: inout Order) throws(WireDecodingError) {
        o.minTradeQty = try optionalInt("minTradeQty")
        o.minCompeteSize = try optionalInt("minCompeteSize")
        o.competeAgainstBestOffset = try optionalDouble("competeAgainstBestOffset")
        o.midOffsetAtWhole = try optionalDouble("midOffsetAtWhole")
        o.midOffsetAtHalf = try optionalDouble("midOffsetAtHalf")
    }
}

extension FieldWriter {
    /// Writes a boolean that may be unset, as an empty field.
    mutating func optionalBool(_ value: Bool?) {
        if let value { bool(value) } else { empty() }
    }

    mutating func volatilityOrder(_ o: Order, openOrderAttributes: Bool) {
        double(o.volatility, unset: .empty)
        int(o.volatilityType, unset: .empty)
        string(o.deltaNeutralOrderType)
        double(o.deltaNeutralAuxPrice, unset: .empty)
        if !o.deltaNeutralOrderType.isEmpty {
            int(o.deltaNeutralConId)
            if openOrderAttributes {
                string(o.deltaNeutralSettlingFirm)
                string(o.deltaNeutralClearingAccount)
                string(o.deltaNeutralClearingIntent)
                string(o.deltaNeutralOpenClose)
            }
            bool(o.deltaNeutralShortSale)
            int(o.deltaNeutralShortSaleSlot)
            string(o.deltaNeutralDesignatedLocation)
        }
        bool(o.continuousUpdate)
        int(o.referencePriceType, unset: .empty)
    }

    mutating func comboLegs(_ o: Order, contract c: Contract) {
        string(c.comboLegsDescrip)
        int(c.comboLegs.count)
        for leg in c.comboLegs {
            int(leg.conId)
            int(leg.ratio)
            string(leg.action)
            string(leg.exchange)
            int(leg.openClose)
            int(leg.shortSaleSlot)
            string(leg.designatedLocation)
            int(leg.exemptCode)
        }
        int(o.orderComboLegPrices.count)
        for price in o.orderComboLegPrices { double(price, unset: .empty) }
    }

    mutating func scaleOrder(_ o: Order, initUnset: WireUnset.Spelling) {
        int(o.scaleInitLevelSize, unset: initUnset)
        int(o.scaleSubsLevelSize, unset: initUnset)
        double(o.scalePriceIncrement, unset: .empty)
        if let increment = o.scalePriceIncrement, increment > 0 {
            double(o.scalePriceAdjustValue, unset: .empty)
            int(o.scalePriceAdjustInterval, unset: .empty)
            double(o.scaleProfitOffset, unset: .empty)
            bool(o.scaleAutoReset)
            int(o.scaleInitPosition, unset: .empty)
            int(o.scaleInitFillQty, unset: .empty)
            bool(o.scaleRandomPercent)
        }
    }

    mutating func hedge(_ o: Order) {
        string(o.hedgeType)
        if !o.hedgeType.isEmpty { string(o.hedgeParam) }
    }

    mutating func deltaNeutralContract(_ c: Contract) {
        if let dn = c.deltaNeutralContract {
            bool(true)
            int(dn.conId)
            double(dn.delta)
            double(dn.price)
        } else {
            bool(false)
        }
    }

    mutating func algo(_ o: Order) {
        string(o.algoStrategy)
        if !o.algoStrategy.isEmpty { tagValues(o.algoParams) }
    }

    mutating func pegBench(_ o: Order) {
        guard o.isPegBench else { return }
        int(o.referenceContractId)
        bool(o.isPeggedChangeAmountDecrease)
        double(o.peggedChangeAmount)
        double(o.referenceChangeAmount)
        string(o.referenceExchangeId)
    }

    mutating func pegBestPegMid(_ o: Order) {
        int(o.minTradeQty, unset: .empty)
        int(o.minCompeteSize, unset: .empty)
        double(o.competeAgainstBestOffset, unset: .empty)
        double(o.midOffsetAtWhole, unset: .empty)
        double(o.midOffsetAtHalf, unset: .empty)
    }
}
