/// Why a REFI-QDA file could not be written or read.
public enum QDAExchangeError: Error, Equatable, Sendable, CustomStringConvertible {
  case cannotWrite(path: String, reason: String)
  case cannotRead(path: String, reason: String)
  case notAProject(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "\(path): cannot write (\(reason))"
    case .cannotRead(let path, let reason): "\(path): cannot read (\(reason))"
    case .notAProject(let path, let reason): "\(path): not a REFI-QDA project (\(reason))"
    }
  }
}
