/// Where a PostgreSQL history store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=MODE]`,
/// or over a Unix socket, `postgres://USER[:PASSWORD]@/DB?host=/socket/directory` (libpq's form:
/// the directory holding `.s.PGSQL.PORT`).
///
/// User, password and database are percent-decoded (`%40` for `@`); a host in brackets is an IPv6
/// address. ``description`` never shows the password: `postgres://user:***@host:5432/db`.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// How the connection uses TLS (libpq's `sslmode`).
    public enum SSLMode: String, CaseIterable, Hashable, Sendable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or no connection, without checking the certificate.
        case require
        /// TLS with a certificate signed by a trusted authority, any host name.
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate for this host name.
        case verifyFull = "verify-full"
    }

    /// The role to log in as.
    public var user: String
    /// The password, if the URL gives one. Never printed.
    public var password: String?
    /// The server's host name or address; nil for a Unix socket.
    public var host: String?
    /// The TCP port, or the number in the socket's file name (`.s.PGSQL.5432`).
    public var port: Int
    /// The directory of the server's Unix socket, when connecting through one.
    public var socketDirectory: String?
    /// The database.
    public var database: String
    /// TLS use; ``SSLMode/prefer`` when not given (ignored on a Unix socket).
    public var sslMode: SSLMode

    /// Creates a location.
    public init(user: String, password: String? = nil, host: String?, port: Int = 5432,
                socketDirectory: String? = nil, database: String, sslMode: SSLMode = .prefer) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.socketDirectory = socketDirectory
        self.database = database
        self.sslMode = sslMode
    }

    /// The path of the Unix socket, when connecting through one.
    public var socketPath: String? { socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } }

    /// The URL with the password replaced by `***`.
    public var description: String {
        var text = "postgres://" + PercentEncoding.encode(user)
        if password != nil { text += ":***" }
        text += "@"
        if let host { text += host.contains(":") ? "[\(host)]" : host }
        if host != nil || port != 5432 { text += ":\(port)" }
        text += "/" + PercentEncoding.encode(database)
        var parameters: [String] = []
        if let socketDirectory { parameters.append("host=" + socketDirectory) }
        if sslMode != .prefer { parameters.append("sslmode=" + sslMode.rawValue) }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    /// Parses a `postgres://` or `postgresql://` URL.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/badLocation``), whose message shows
    ///   the URL without its password.
    public init(parsing url: String) throws(HistoryError) {
        var rest = Substring(url)
        guard let schemeEnd = rest.range(of: "://"),
              ["postgres", "postgresql"].contains(rest[..<schemeEnd.lowerBound]) else {
            throw Self.invalid(url, "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        rest = rest[schemeEnd.upperBound...]
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let at = rest.lastIndex(of: "@") else {
            throw Self.invalid(url, "no user: expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        let credentials = rest[..<at]
        rest = rest[rest.index(after: at)...]
        var password: String?
        var userText = credentials
        if let colon = credentials.firstIndex(of: ":") {
            userText = credentials[..<colon]
            password = try Self.decode(credentials[credentials.index(after: colon)...], url: url, what: "password")
        }
        let user = try Self.decode(userText, url: url, what: "user")
        guard !user.isEmpty else { throw Self.invalid(url, "the user is empty") }

        guard let slash = rest.firstIndex(of: "/") else {
            throw Self.invalid(url, "no database: expected …@HOST[:PORT]/DATABASE")
        }
        let database = try Self.decode(rest[rest.index(after: slash)...], url: url, what: "database")
        guard !database.isEmpty else { throw Self.invalid(url, "the database name is empty") }
        let (host, port) = try Self.hostAndPort(rest[..<slash], url: url)

        var socketDirectory: String?
        var sslMode = SSLMode.prefer
        for parameter in query.split(separator: "&") where !parameter.isEmpty {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = try Self.decode(pair.count == 2 ? pair[1] : "", url: url, what: "parameter")
            switch pair[0] {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Self.invalid(url, "unknown sslmode \"\(value)\"; accepted: \(modes)")
                }
                sslMode = mode
            case "host":
                guard value.hasPrefix("/") else {
                    throw Self.invalid(url, "host=\(value): a host parameter names a Unix socket directory, an absolute path")
                }
                socketDirectory = value
            default:
                throw Self.invalid(url, "unknown parameter \"\(pair[0])\"; accepted: sslmode, host (a Unix socket directory)")
            }
        }
        if socketDirectory != nil && host != nil {
            throw Self.invalid(url, "give either a host or host=/socket/directory, not both")
        }
        if socketDirectory == nil && host == nil {
            throw Self.invalid(url, "no host: expected …@HOST[:PORT]/DATABASE, or …@/DATABASE?host=/socket/directory")
        }
        self.init(user: user, password: password, host: host, port: port ?? 5432,
                  socketDirectory: socketDirectory, database: database, sslMode: sslMode)
    }

    private static func hostAndPort(_ text: Substring, url: String) throws(HistoryError) -> (String?, Int?) {
        var hostText = text
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw invalid(url, "unclosed [ in the host") }
            hostText = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw invalid(url, "unexpected text after the IPv6 address")
            }
        } else if let colon = text.lastIndex(of: ":") {
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        var port: Int?
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw invalid(url, "port \"\(portText)\" is not a number from 1 to 65535")
            }
            port = number
        }
        return (hostText.isEmpty ? nil : String(hostText), port)
    }

    private static func decode(_ text: Substring, url: String, what: String) throws(HistoryError) -> String {
        guard let decoded = PercentEncoding.decode(text) else {
            throw invalid(url, "the \(what) has a malformed %-escape")
        }
        return decoded
    }

    /// An error about `url` that shows it with its password hidden (the URL may not parse, so
    /// the password is cut out of the text: everything between the first ':' after "//" and the
    /// last '@').
    private static func invalid(_ url: String, _ detail: String) -> HistoryError {
        HistoryError(.badLocation, subject: redacted(url), detail: detail)
    }

    /// `url` with anything that could be a password replaced by `***`, for messages about a
    /// URL that does not parse.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        // As the parser reads it: credentials end at the last '@' before the query.
        let beforeQuery = afterScheme[..<(afterScheme.firstIndex(of: "?") ?? afterScheme.endIndex)]
        guard let at = beforeQuery.lastIndex(of: "@"), let colon = beforeQuery[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
