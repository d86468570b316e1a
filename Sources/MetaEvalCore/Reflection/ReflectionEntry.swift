/// When in a project a reflection takes place.
public enum Moment: String, Sendable, Codable, CaseIterable {
  case before, during, after
}

public enum Setting: String, Sendable, Codable, CaseIterable {
  case formal, informal
}

/// For whom the reflection is meant.
public enum Audience: String, Sendable, Codable, CaseIterable {
  case sponsor, team, `self`
}

public enum ActionStatus: String, Sendable, Codable, CaseIterable {
  case open, done, dropped
}

/// A recommendation or decision that came out of a reflection, with its owner.
public struct ReflectionAction: Sendable, Equatable, Codable {
  /// `A1`, `A2`, ... within the entry.
  public var id: String
  public var text: String
  public var owner: String?
  /// YYYY-MM-DD
  public var due: String?
  public var status: ActionStatus

  public init(
    id: String, text: String, owner: String? = nil, due: String? = nil, status: ActionStatus = .open
  ) {
    self.id = id
    self.text = text
    self.owner = owner
    self.due = due
    self.status = status
  }
}

/// One reflection: a Markdown file with YAML front matter.
public struct ReflectionEntry: Sendable, Equatable {
  /// The file name without `.md`: `2026-11-29-sprint-12-retrospective`.
  public var id: String
  public var path: String
  /// YYYY-MM-DD
  public var date: String
  public var moment: Moment
  public var setting: Setting
  public var audience: Audience
  public var title: String
  public var authors: [String]
  public var tags: [String]
  public var project: String?
  public var actions: [ReflectionAction]
  public var body: String

  public init(
    id: String, path: String, date: String, moment: Moment, setting: Setting, audience: Audience,
    title: String, authors: [String] = [], tags: [String] = [], project: String? = nil,
    actions: [ReflectionAction] = [], body: String = ""
  ) {
    self.id = id
    self.path = path
    self.date = date
    self.moment = moment
    self.setting = setting
    self.audience = audience
    self.title = title
    self.authors = authors
    self.tags = tags
    self.project = project
    self.actions = actions
    self.body = body
  }
}

/// A problem with one file of the log, as `file:line: problem`.
public struct ReflectionProblem: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var problem: String

  public var description: String { "\(path):\(line): \(problem)" }
}
