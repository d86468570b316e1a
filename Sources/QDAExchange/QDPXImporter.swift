import Foundation
import MetaEvalCore

/// A REFI-QDA project coded with a rubric's codebook, read back as coding tables per user.
///
/// A code counts for a criterion, dimension or term when its GUID is that of the codebook
/// (`QDACodebook`), else when its name is the id or title of a criterion (case, `_`, `-` and
/// runs of white space do not matter), or, nested under a criterion's code, the id or title of
/// one of that criterion's dimensions or terms. `scope_product` names a dimension anywhere.
/// Users are told apart by name, as a QDA tool shows them.
public struct QDPXImporter: Sendable {
  public let path: String
  public let project: QDAProject
  public let rubric: Rubric
  /// Normalised code GUID to what it stands for: the codebook's GUIDs, and the project's codes
  /// matched by GUID or name.
  public let mapping: [String: CodeTarget]

  /// Name for codings whose user cannot be told (no `creatingUser` and several users).
  public static let unknownUser = "unknown"

  public init(path: String, rubric: Rubric) throws(QDAExchangeError) {
    let entries = try QDPXArchive.read(path) { $0.lowercased().hasSuffix(".qde") }
    let name =
      entries.keys.first { $0 == "project.qde" }
      ?? entries.keys.sorted().first { $0.lowercased() == "project.qde" || !$0.contains("/") }
    guard let name, let data = entries[name] else {
      throw .notAProject(path: path, reason: "no project.qde in the archive")
    }
    let project = try QDAProjectParser.parse(data, path: "\(path)/\(name)")
    self.init(path: path, project: project, rubric: rubric)
  }

  public init(path: String, project: QDAProject, rubric: Rubric) {
    self.path = path
    self.project = project
    self.rubric = rubric
    self.mapping = Self.mapping(of: project, to: rubric)
  }

  /// Which code stands for what in the rubric.
  static func mapping(of project: QDAProject, to rubric: Rubric) -> [String: CodeTarget] {
    let codebook = QDACodebook(rubric: rubric)
    var byGUID: [String: CodeTarget] = [:]
    for code in codebook.allCodes { byGUID[StableGUID.normalized(code.guid)] = code.target }
    var criteria: [String: String] = [:]
    var children: [String: [String: CodeTarget]] = [:]
    var qualified: [String: CodeTarget] = [:]
    for code in codebook.codes {
      let id = code.target.criterion
      let title = rubric.criterion(id)?.spec.title ?? code.name
      for key in [id, title] { criteria[key: key] = id }
      for child in code.children {
        let keys: [String]
        switch child.target {
        case .dimension(_, let dimension):
          keys = [dimension, child.name]
          qualified[key: "\(id)_\(dimension)"] = child.target
        case .term(_, let term):
          keys = [term, child.name]
        case .criterion:
          keys = []
        }
        for key in keys { children[id, default: [:]][key: key] = child.target }
      }
    }
    var targets: [CodeTarget?] = []
    // The codebook's GUIDs stand for their codes even when the project's codebook lacks them.
    var mapping = byGUID
    for code in project.codes {
      var target = byGUID[code.guid]
      let key = Self.key(code.name)
      if target == nil, let criterion = criteria[key] { target = .criterion(criterion) }
      if target == nil { target = qualified[key] }
      if target == nil {
        var ancestor = code.parent
        while let index = ancestor, target == nil {
          if index < targets.count, let parent = targets[index] {
            target = children[parent.criterion]?[key]
          }
          ancestor = index < project.codes.count ? project.codes[index].parent : nil
        }
      }
      targets.append(target)
      if let target, !code.guid.isEmpty { mapping[code.guid] = target }
    }
    return mapping
  }

  /// A name as names are compared: lower case, `_` and `-` as spaces, white space runs as one.
  static func key(_ name: String) -> String {
    name.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }.reduce(into: "") { $0.append($1) }
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The name of the user who made a coding.
  public func userName(of coding: QDAProject.Coding) -> String {
    var guid = coding.userGUID
    if guid == nil {
      guid = project.users.count == 1 ? project.users[0].guid : project.creatingUserGUID
    }
    guard let guid else { return Self.unknownUser }
    return project.users.first { $0.guid == guid }?.name ?? guid
  }

  /// Everyone who could be asked for: the project's users and whoever made a coding.
  public var knownUsers: [String] {
    let names = project.users.map(\.name) + project.sources.flatMap(\.codings).map(userName(of:))
    return Array(Set(names)).sorted()
  }

  /// The users who applied at least one of the rubric's codes, sorted.
  public var coders: [String] {
    let names = project.sources.flatMap(\.codings).filter { mapping[$0.codeGUID] != nil }.map(
      userName(of:))
    return Array(Set(names)).sorted()
  }

  /// Names of codes that were applied but stand for nothing in the rubric, sorted.
  public var unmatchedCodes: [String] {
    let used = Set(project.sources.flatMap(\.codings).map(\.codeGUID)).filter { mapping[$0] == nil }
    let names = used.map { guid in project.codes.first { $0.guid == guid }?.name ?? guid }
    return Array(Set(names)).sorted()
  }

  /// Everybody's codings together.
  public func table() -> CodingTable {
    CodingTable.make(project: project, rubric: rubric, mapping: mapping) { _ in true }
  }

  /// One user's codings; the name is matched exactly, else case-insensitively.
  public func table(forUser user: String) throws(QDAExchangeError) -> CodingTable {
    let known = knownUsers
    let name = known.contains(user) ? user : known.first { $0.lowercased() == user.lowercased() }
    guard let name else { throw .unknownUser(path: path, user: user, known: known) }
    return CodingTable.make(project: project, rubric: rubric, mapping: mapping) {
      userName(of: $0) == name
    }
  }
}

extension QDPXImporter {
  /// A file per user beside `output`: `coding.csv` gives `coding-<user>.csv`, the user's name
  /// reduced to letters, digits, `.`, `_` and `-`; names that reduce alike get `-2`, `-3`.
  public static func paths(for users: [String], beside output: String) -> [(
    user: String, path: String
  )] {
    let folder = (output as NSString).deletingLastPathComponent
    let file = (output as NSString).lastPathComponent
    let ext = (file as NSString).pathExtension
    let stem = ext.isEmpty ? file : (file as NSString).deletingPathExtension
    var taken = Set<String>()
    return users.map { user in
      var slug = String(
        user.unicodeScalars.map { scalar -> Character in
          let ascii =
            scalar.isASCII
            && (CharacterSet.alphanumerics.contains(scalar)
              || "._-".unicodeScalars.contains(scalar))
          return ascii ? Character(scalar) : "-"
        })
      while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
      slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-."))
      if slug.isEmpty { slug = "user" }
      var candidate = slug
      var number = 2
      while !taken.insert(candidate.lowercased()).inserted {
        candidate = "\(slug)-\(number)"
        number += 1
      }
      let name = "\(stem)-\(candidate)" + (ext.isEmpty ? ".csv" : ".\(ext)")
      return (user, (folder as NSString).appendingPathComponent(name))
    }
  }

  /// Writes a table as CSV to `path` (replacing it atomically).
  public static func write(_ table: CodingTable, to path: String) throws(QDAExchangeError) {
    try QDACodebook.write(Data(table.csv.utf8), to: path)
  }
}

extension Dictionary where Key == String {
  /// Keyed by `QDPXImporter.key` of the name; the first name given wins.
  fileprivate subscript(key name: String) -> Value? {
    get { self[QDPXImporter.key(name)] }
    set {
      let key = QDPXImporter.key(name)
      if self[key] == nil { self[key] = newValue }
    }
  }
}
