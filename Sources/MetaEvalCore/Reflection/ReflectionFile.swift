import Foundation
import Yams

/// Reads and writes the Markdown-with-front-matter files of the reflection log.
public enum ReflectionFile {
  /// Parses one file; every problem comes with its line.
  public static func parse(_ text: String, path: String) -> Result<
    ReflectionEntry, ReflectionProblems
  > {
    let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) }) == "---" else {
      return .failure(
        ReflectionProblems([
          ReflectionProblem(
            path: path, line: 1, problem: "no front matter: the file must start with a '---' line")
        ]))
    }
    guard
      let close = lines.dropFirst().firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "---"
      })
    else {
      return .failure(
        ReflectionProblems([
          ReflectionProblem(
            path: path, line: 1, problem: "the front matter is not closed by a '---' line")
        ]))
    }
    let yaml = lines[1..<close].joined(separator: "\n")
    let body = lines[(close + 1)...].joined(separator: "\n")
    let node: Node
    do {
      guard let composed = try Yams.compose(yaml: yaml) else {
        return .failure(
          ReflectionProblems([
            ReflectionProblem(path: path, line: 2, problem: "the front matter is empty")
          ]))
      }
      node = composed
    } catch let error as YamlError {
      return .failure(
        ReflectionProblems([
          ReflectionProblem(
            path: path, line: RubricLoader.line(of: error) + 1,
            problem: "broken YAML: \(RubricLoader.problem(of: error))")
        ]))
    } catch {
      return .failure(
        ReflectionProblems([ReflectionProblem(path: path, line: 2, problem: "broken YAML")]))
    }
    var reader = FieldReader(node: node, path: path)
    let date = reader.date("date", required: true)
    let moment: Moment? = reader.choice("moment", required: true)
    let setting: Setting? = reader.choice("setting", required: false)
    let audience: Audience? = reader.choice("audience", required: false)
    let title = reader.string("title", required: true)
    let authors = reader.list("authors")
    let tags = reader.list("tags")
    let project = reader.string("project", required: false)
    let actions = reader.actions()
    guard reader.problems.isEmpty, let date, let moment, let title else {
      return .failure(ReflectionProblems(reader.problems))
    }
    return .success(
      ReflectionEntry(
        id: id, path: path, date: date, moment: moment, setting: setting ?? .informal,
        audience: audience ?? .team, title: title, authors: authors, tags: tags, project: project,
        actions: actions, body: body))
  }

  /// The file for an entry: front matter with one field per line (each action's status on a
  /// line of its own, so that closing it changes that line alone), then the body.
  public static func render(_ entry: ReflectionEntry) -> String {
    var text = "---\n"
    text += "date: \(entry.date)\n"
    text += "moment: \(entry.moment.rawValue)\n"
    text += "setting: \(entry.setting.rawValue)\n"
    text += "audience: \(entry.audience.rawValue)\n"
    text += "title: \(YAMLText.quote(entry.title))\n"
    text += "authors: [\(entry.authors.map(YAMLText.quote).joined(separator: ", "))]\n"
    text += "tags: [\(entry.tags.map(YAMLText.quote).joined(separator: ", "))]\n"
    if let project = entry.project { text += "project: \(YAMLText.quote(project))\n" }
    if entry.actions.isEmpty {
      text += "actions: []\n"
    } else {
      text += "actions:\n"
      for action in entry.actions {
        text += "  - id: \(action.id)\n"
        text += "    text: \(YAMLText.quote(action.text))\n"
        if let owner = action.owner { text += "    owner: \(YAMLText.quote(owner))\n" }
        if let due = action.due { text += "    due: \(due)\n" }
        text += "    status: \(action.status.rawValue)\n"
      }
    }
    text += "---\n"
    text += entry.body.hasSuffix("\n") || entry.body.isEmpty ? entry.body : entry.body + "\n"
    return text
  }

  /// Reads the fields of the front matter, collecting problems with their lines.
  struct FieldReader {
    let node: Node
    let path: String
    var problems: [ReflectionProblem] = []

    /// The line of a node in the file (the front matter starts on line 2).
    func line(_ node: Node?) -> Int { (node?.mark?.line ?? 1) + 1 }

    mutating func problem(_ node: Node?, _ text: String) {
      problems.append(ReflectionProblem(path: path, line: line(node ?? self.node), problem: text))
    }

    mutating func string(_ key: String, required: Bool) -> String? {
      guard let value = node.mapping?[key] else {
        if required { problem(node, "missing '\(key)'") }
        return nil
      }
      guard let text = value.string, !(required && text.isEmpty) else {
        problem(value, "'\(key)' must be text")
        return nil
      }
      return text
    }

    mutating func date(_ key: String, required: Bool) -> String? {
      guard let text = string(key, required: required) else { return nil }
      guard ReflectionDates.isValid(text) else {
        problem(node.mapping?[key], "'\(key)' must be a date YYYY-MM-DD, not '\(text)'")
        return nil
      }
      return text
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ key: String, required: Bool)
      -> Value?
    where Value.RawValue == String {
      guard let text = string(key, required: required) else { return nil }
      guard let value = Value(rawValue: text) else {
        let choices = Value.allCases.map(\.rawValue).joined(separator: " | ")
        problem(node.mapping?[key], "unknown \(key) '\(text)' (use \(choices))")
        return nil
      }
      return value
    }

    mutating func list(_ key: String) -> [String] {
      guard let value = node.mapping?[key] else { return [] }
      if let sequence = value.sequence {
        return sequence.compactMap(\.string)
      }
      if let text = value.string { return text.isEmpty ? [] : [text] }
      problem(value, "'\(key)' must be a list")
      return []
    }

    mutating func actions() -> [ReflectionAction] {
      guard let value = node.mapping?["actions"] else { return [] }
      guard let items = value.sequence else {
        if value.string == "" || value.string == nil && value.mapping == nil { return [] }
        problem(value, "'actions' must be a list")
        return []
      }
      var actions: [ReflectionAction] = []
      for (index, item) in items.enumerated() {
        guard let fields = item.mapping else {
          problem(item, "action \(index + 1) must have fields (text, owner, due, status)")
          continue
        }
        guard let text = fields["text"]?.string, !text.isEmpty else {
          problem(item, "action \(index + 1) has no 'text'")
          continue
        }
        let id = fields["id"]?.string ?? "A\(index + 1)"
        let statusText = fields["status"]?.string ?? "open"
        guard let status = ActionStatus(rawValue: statusText) else {
          problem(fields["status"], "unknown status '\(statusText)' (use open | done | dropped)")
          continue
        }
        let due = fields["due"]?.string
        if let due, !ReflectionDates.isValid(due) {
          problem(fields["due"], "due date must be YYYY-MM-DD, not '\(due)'")
          continue
        }
        actions.append(
          ReflectionAction(
            id: id, text: text, owner: fields["owner"]?.string, due: due, status: status))
      }
      return actions
    }
  }
}

/// Several problems of one file.
public struct ReflectionProblems: Error, Sendable, Equatable {
  public var problems: [ReflectionProblem]
  public init(_ problems: [ReflectionProblem]) { self.problems = problems }
}

/// Calendar dates as the log writes them: YYYY-MM-DD, in UTC.
public enum ReflectionDates {
  static let formatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.locale = Locale(identifier: "en_US_POSIX")
    return formatter
  }()

  public static func isValid(_ text: String) -> Bool {
    text.count == 10 && date(text) != nil
  }

  public static func date(_ text: String) -> Date? { formatter.date(from: text) }

  public static func string(_ date: Date) -> String { formatter.string(from: date) }

  /// Whole days from `from` to `to`.
  public static func days(from: String, to: String) -> Int? {
    guard let start = date(from), let end = date(to) else { return nil }
    return Int((end.timeIntervalSince(start) / 86_400).rounded())
  }
}
