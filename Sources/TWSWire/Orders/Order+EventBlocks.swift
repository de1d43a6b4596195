// Field groups that OPEN_ORDER and COMPLETED_ORDER share, in IB's order.

extension FieldReader {
    /// Action through order reference: the head of OPEN_ORDER and COMPLETED_ORDER.
    mutating func eventOrderHead(into o: inout Order) throws(WireDecodingError) {
        o.action = try string("action")
        o.totalQuantity = try optionalQuantity("totalQuantity")
        o.orderType = try string("orderType")
        o.lmtPrice = try optionalDouble("lmtPrice")
        o.auxPrice = try optionalDouble("auxPrice")
        o.tif = try string("tif")
        o.ocaGroup = try string("ocaGroup")
        o.account = try string("account")
        o.openClose = try string("openClose")
        o.origin = try int("origin")
        o.orderRef = try string("orderRef")
    }

    /// Advisor fields through exempt code, as order events carry them.
    mutating func eventOrderAllocation(into o: inout Order, serverVersion sv: Int) throws(WireDecodingError) {
        o.faGroup = try string("faGroup")
        o.faMethod = try string("faMethod")
        o.faPercentage = try string("faPercentage")
        if sv < ServerVersion.faProfileDesupport { o.faProfile = try string("faProfile") }
        o.modelCode = try string("modelCode")
        o.goodTillDate = try string("goodTillDate")
        o.rule80A = try string("rule80A")
        o.percentOffset = try optionalDouble("percentOffset")
        o.settlingFirm = try string("settlingFirm")
        o.shortSaleSlot = try int("shortSaleSlot")
        o.designatedLocation = try string("designatedLocation")
        o.exemptCode = try int("exemptCode")
    }

    /// Box and pegged-to-stock prices, then the display size.
    mutating func eventOrderBoxPrices(into o: inout Order) throws(WireDecodingError) {
        o.startingPrice = try optionalDouble("startingPrice")
        o.stockRefPrice = try optionalDouble("stockRefPrice")
        o.delta = try optionalDouble("delta")
        o.stockRangeLower = try optionalDouble("stockRangeLower")
        o.stockRangeUpper = try optionalDouble("stockRangeUpper")
        o.displaySize = try optionalInt("displaySize")
    }
}

extension FieldWriter {
    mutating func eventOrderHead(_ o: Order) {
        string(o.action)
        quantity(o.totalQuantity)
        string(o.orderType)
        double(o.lmtPrice, unset: .empty)
        double(o.auxPrice, unset: .empty)
        string(o.tif)
        string(o.ocaGroup)
        string(o.account)
        string(o.openClose)
        int(o.origin)
        string(o.orderRef)
    }

    mutating func eventOrderAllocation(_ o: Order, serverVersion sv: Int) {
        string(o.faGroup)
        string(o.faMethod)
        string(o.faPercentage)
        if sv < ServerVersion.faProfileDesupport { string(o.faProfile) }
        string(o.modelCode)
        string(o.goodTillDate)
        string(o.rule80A)
        double(o.percentOffset, unset: .empty)
        string(o.settlingFirm)
        int(o.shortSaleSlot)
        string(o.designatedLocation)
        int(o.exemptCode)
    }

    mutating func eventOrderBoxPrices(_ o: Order) {
        double(o.startingPrice, unset: .empty)
        double(o.stockRefPrice, unset: .empty)
        double(o.delta, unset: .empty)
        double(o.stockRangeLower, unset: .empty)
        double(o.stockRangeUpper, unset: .empty)
        int(o.displaySize, unset: .sentinel)
    }
}
