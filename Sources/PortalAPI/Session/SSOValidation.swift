/// The answer of `GET /sso/validate`: the SSO session's user and when it expires.
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#validate-sso):
/// `{"USER_ID":123456789,"USER_NAME":"user1234","RESULT":true,"AUTH_TIME":1702580846836,
///   "SF_ENABLED":false,"IS_FREE_TRIAL":false,"CREDENTIAL":"user1234","IP":"12.345.678.901",
///   "EXPIRES":415890,"QUALIFIED_FOR_MOBILE_AUTH":null,"LANDING_APP":"UNIVERSAL","IS_MASTER":false,
///   "lastAccessed":1702581069652,"LOGIN_TYPE":2,"PAPER_USER_NAME":"user1234","features":{…},"region":"NJ"}`
/// (`EXPIRES`: milliseconds left). The paper gateway fills the fields a client reads.
public struct SSOValidation: Codable, Sendable, Equatable {
    public var USER_ID: Int64
    public var USER_NAME: String
    public var RESULT: Bool
    public var AUTH_TIME: Int64
    public var SF_ENABLED: Bool
    public var IS_FREE_TRIAL: Bool
    public var CREDENTIAL: String
    public var IP: String
    public var EXPIRES: Int64
    public var LANDING_APP: String
    public var IS_MASTER: Bool
    public var lastAccessed: Int64
    public var LOGIN_TYPE: Int
    public var PAPER_USER_NAME: String
    public var region: String

    /// A validation for `user`, authenticated at `authTime` (ms), expiring in `expires` ms.
    public init(user: String, authTime: Int64, expires: Int64, lastAccessed: Int64) {
        USER_ID = 1
        USER_NAME = user
        RESULT = true
        AUTH_TIME = authTime
        SF_ENABLED = false
        IS_FREE_TRIAL = false
        CREDENTIAL = user
        IP = "127.0.0.1"
        EXPIRES = expires
        LANDING_APP = "UNIVERSAL"
        IS_MASTER = false
        self.lastAccessed = lastAccessed
        LOGIN_TYPE = 2
        PAPER_USER_NAME = user
        region = "NJ"
    }
}

/// The answer of `POST /logout`: `{"status":true}`.
public struct LogoutAnswer: Codable, Sendable, Equatable {
    /// Whether the session ended.
    public var status: Bool
    /// An answer.
    public init(status: Bool) { self.status = status }
}

/// The answer of `POST /iserver/reauthenticate`: `{"message":"triggered"}`.
public struct ReauthenticateAnswer: Codable, Sendable, Equatable {
    /// `triggered`.
    public var message: String
    /// An answer.
    public init(message: String = "triggered") { self.message = message }
}

/// An error answer: `{"error":"…"}` (IB adds `statusCode` on some).
public struct PortalErrorAnswer: Codable, Sendable, Equatable {
    /// The error, in words.
    public var error: String
    /// The HTTP status, when IB adds it.
    public var statusCode: Int?
    /// An answer.
    public init(error: String, statusCode: Int? = nil) {
        self.error = error
        self.statusCode = statusCode
    }
}
