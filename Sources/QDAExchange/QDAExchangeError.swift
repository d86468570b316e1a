/// Why a REFI-QDA file could not be written or read, or a corpus run could not be exported.
///
/// Every case names the file it is about, so that a command can print it as one line.
public enum QDAExchangeError: Error, Equatable, Sendable, CustomStringConvertible {
  case cannotWrite(path: String, reason: String)
  case cannotRead(path: String, reason: String)
  /// The file is not a REFI-QDA project: not a zip archive, or no `project.qde` in it.
  case notAProject(path: String, reason: String)
  /// An XML document (`project.qde` in an archive, or a `.qdc`) that does not parse.
  case invalidXML(path: String, line: Int, reason: String)
  /// A corpus run folder that lacks a file or holds one that cannot be used.
  case invalidRun(path: String, reason: String)
  /// A corpus run without a single scored document to export.
  case nothingToExport(path: String, reason: String)
  /// The rubric named by a run or given with `--rubric` could not be loaded.
  case rubric(reference: String, reason: String)
  /// `--user` names nobody in the project.
  case unknownUser(path: String, user: String, known: [String])

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "\(path): cannot write (\(reason))"
    case .cannotRead(let path, let reason): "\(path): cannot read (\(reason))"
    case .notAProject(let path, let reason): "\(path): not a REFI-QDA project (\(reason))"
    case .invalidXML(let path, let line, let reason):
      "\(path):\(line): the XML does not parse (\(reason))"
    case .invalidRun(let path, let reason): "\(path): not a usable corpus run (\(reason))"
    case .nothingToExport(let path, let reason): "\(path): nothing to export (\(reason))"
    case .rubric(let reference, let reason): "rubric '\(reference)': \(reason)"
    case .unknownUser(let path, let user, let known):
      "\(path): no user named '\(user)' (users: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
    }
  }
}
