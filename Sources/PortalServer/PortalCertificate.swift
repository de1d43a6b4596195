import Crypto
import Foundation
import SwiftASN1
import X509

/// The portal's TLS identity: a self-signed certificate for `localhost` and `127.0.0.1` with
/// its P-256 key, made at the first start and kept beside the ledger (so a client that
/// trusts it once keeps trusting it), or made for the run when the gateway keeps no ledger.
///
/// IB's CP Gateway also serves a self-signed certificate on localhost; clients either trust
/// that certificate or skip verification. The PEM files are written with mode 0600.
public struct PortalCertificate: Sendable {
    /// The certificate, PEM.
    public let certificatePEM: String
    /// The private key, PEM (PKCS#8).
    public let privateKeyPEM: String
    /// Where the certificate is kept (`nil`: made for this run only).
    public let certificatePath: String?

    /// The certificate and key files for a ledger: `<ledger>.portal-cert.pem`, `<ledger>.portal-key.pem`.
    public static func paths(ledgerPath: String) -> (certificate: String, key: String) {
        (ledgerPath + ".portal-cert.pem", ledgerPath + ".portal-key.pem")
    }

    /// The pair kept for `ledgerPath`, made and written when missing (or unreadable: a
    /// damaged pair is replaced, and the log says so); a pair for this run without one.
    public static func loadOrCreate(ledgerPath: String?, now: Date = Date()) throws -> (PortalCertificate, created: Bool) {
        guard let ledgerPath else {
            let made = try make(now: now)
            return (PortalCertificate(certificatePEM: made.certificate, privateKeyPEM: made.key, certificatePath: nil), true)
        }
        let (certificatePath, keyPath) = paths(ledgerPath: ledgerPath)
        if let certificate = try? String(contentsOfFile: certificatePath, encoding: .utf8),
            let key = try? String(contentsOfFile: keyPath, encoding: .utf8),
            (try? Certificate(pemEncoded: certificate)) != nil, (try? P256.Signing.PrivateKey(pemRepresentation: key)) != nil
        {
            return (PortalCertificate(certificatePEM: certificate, privateKeyPEM: key, certificatePath: certificatePath), false)
        }
        let made = try make(now: now)
        try write(made.key, to: keyPath)
        try write(made.certificate, to: certificatePath)
        return (PortalCertificate(certificatePEM: made.certificate, privateKeyPEM: made.key, certificatePath: certificatePath), true)
    }

    /// A new self-signed certificate valid from an hour ago for ten years.
    static func make(now: Date) throws -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName("localhost")
            OrganizationName("ibterm paper gateway")
        }
        let extensions = try Certificate.Extensions {
            // Its own issuer: BoringSSL (the client side of swift-nio-ssl) takes a self-signed
            // certificate as a trust root only when it may sign certificates.
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames([.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(key))
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }

    private static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
