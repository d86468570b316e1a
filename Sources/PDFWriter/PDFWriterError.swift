/// Why a PDF could not be written or a report source not read.
public enum PDFWriterError: Error, Equatable, Sendable, CustomStringConvertible {
  case cannotCreate(path: String, status: String)
  case badSource(path: String, line: Int, problem: String)

  public var description: String {
    switch self {
    case .cannotCreate(let path, let status): "\(path): cannot write PDF (\(status))"
    case .badSource(let path, let line, let problem): "\(path):\(line): \(problem)"
    }
  }
}
