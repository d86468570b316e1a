/// Why a rubric could not be used. Each case names the file, and where it can, the line and
/// the criterion.
public enum RubricError: Error, Equatable, Sendable, CustomStringConvertible {
  case notFound(name: String, searched: [String])
  case unreadable(path: String, reason: String)
  case invalidYAML(path: String, line: Int, problem: String)
  case invalidField(path: String, line: Int, criterion: String?, problem: String)
  case invalidPattern(path: String, line: Int, criterion: String, pattern: String, problem: String)
  case unsupportedVersion(path: String, version: Int)

  public var description: String {
    switch self {
    case .notFound(let name, let searched):
      "rubric '\(name)' not found (looked in: \(searched.joined(separator: ", ")))"
    case .unreadable(let path, let reason): "\(path): cannot read rubric: \(reason)"
    case .invalidYAML(let path, let line, let problem): "\(path):\(line): invalid YAML: \(problem)"
    case .invalidField(let path, let line, let criterion, let problem):
      "\(path):\(line): \(criterion.map { "criterion '\($0)': " } ?? "")\(problem)"
    case .invalidPattern(let path, let line, let criterion, let pattern, let problem):
      "\(path):\(line): criterion '\(criterion)': pattern '\(pattern)' does not compile: \(problem)"
    case .unsupportedVersion(let path, let version):
      "\(path):1: rubric version \(version) is not supported (this metaeval reads version 1)"
    }
  }
}
