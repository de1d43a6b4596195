/// Negotiated protocol versions and the thresholds inside the window ibterm speaks.
///
/// The server answers the client's `v<min>..<max>` offer with one version; every
/// version-dependent field below is gated on it. ibterm speaks 157...200: 200 is the last
/// version with a purely textual frame layout (201 and above switch to protobuf).
public enum ServerVersion {
    /// The range ibterm's client offers and its gateway accepts.
    public static let supported: ClosedRange<Int> = 157...200

    // Thresholds (IB's `MIN_SERVER_VER_*`), named after what they add.
    static let encodeMessageASCII7 = 153
    static let replaceFAEnd = 157
    static let duration = 158
    static let postToATS = 160
    static let autoCancelParent = 162
    static let fractionalSizeSupport = 163
    static let sizeRules = 164
    static let advancedOrderReject = 166
    static let manualOrderTime = 169
    static let pegBestPegMidOffsets = 170
    static let bondIssuerID = 176
    static let faProfileDesupport = 177
    static let pendingPriceRevision = 178
    static let fundDataFields = 179
    static let lastTradeDate = 182
    static let customerAccount = 183
    static let professionalCustomer = 184
    static let bondAccruedInterest = 185
    static let ineligibilityReasons = 186
    static let rfqFields = 187
    static let includeOvernight = 189
    static let undoRFQFields = 190
    static let cmeTaggingFields = 192
    static let cmeTaggingFieldsInOpenOrder = 193
    static let errorTime = 194
    static let fullOrderPreviewFields = 195
    /// From this version a historical-data answer ends with HISTORICAL_DATA_END; below it
    /// HISTORICAL_DATA alone is the whole answer.
    public static let historicalDataEnd = 196
    static let currentTimeInMillis = 197
    static let submitter = 198
    static let imbalanceOnly = 199
    static let parametrizedDaysOfExecutions = 200
}
