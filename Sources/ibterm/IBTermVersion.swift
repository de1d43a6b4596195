/// The version `ibterm --version` prints.
enum IBTermVersion {
    static let current = "0.1.0"
}
