import Foundation
import Yams

/// Why the reflection log could not do what was asked.
public enum ReflectionError: Error, Equatable, Sendable, CustomStringConvertible {
  case notInitialised(folder: String)
  case alreadyInitialised(folder: String)
  case badConfig(path: String, problem: String)
  case cannotWrite(path: String, reason: String)
  case unknownEntry(reference: String)
  case unknownAction(reference: String, candidates: [String])
  case cannotEditInPlace(path: String, problem: String)

  public var description: String {
    switch self {
    case .notInitialised(let folder):
      "\(folder): no reflection log here; run 'metaeval reflect init' first"
    case .alreadyInitialised(let folder):
      "\(folder): a reflection log is already here (config.yaml exists)"
    case .badConfig(let path, let problem): "\(path): \(problem)"
    case .cannotWrite(let path, let reason): "\(path): cannot write (\(reason))"
    case .unknownEntry(let reference): "no entry '\(reference)' in the log"
    case .unknownAction(let reference, let candidates):
      candidates.isEmpty
        ? "no action '\(reference)' in the log"
        : "'\(reference)' names several actions; say which: \(candidates.joined(separator: ", "))"
    case .cannotEditInPlace(let path, let problem):
      "\(path): cannot close the action in place: \(problem)"
    }
  }
}

/// The `reflections/` folder of a project: its config and its entries.
public struct ReflectionLog: Sendable {
  public let folder: String
  public let config: ReflectionConfig
  /// Valid entries, sorted by date, then file name.
  public let entries: [ReflectionEntry]
  /// Files that could not be read, each with its problems.
  public let problems: [ReflectionProblem]

  public static func configPath(_ folder: String) -> String {
    (folder as NSString).appendingPathComponent("config.yaml")
  }

  /// Creates the folder, `config.yaml` and a README explaining the practice.
  public static func initialise(folder: String, config: ReflectionConfig) throws(ReflectionError) {
    if FileManager.default.fileExists(atPath: configPath(folder)) {
      throw .alreadyInitialised(folder: folder)
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try config.yaml.write(toFile: configPath(folder), atomically: true, encoding: .utf8)
      let readme = (folder as NSString).appendingPathComponent("README.md")
      if !FileManager.default.fileExists(atPath: readme) {
        try ReflectionTemplates.readme(config.language).write(
          toFile: readme, atomically: true, encoding: .utf8)
      }
    } catch {
      throw .cannotWrite(path: folder, reason: error.localizedDescription)
    }
  }

  public static func load(folder: String) throws(ReflectionError) -> ReflectionLog {
    let path = configPath(folder)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .notInitialised(folder: folder)
    }
    let config: ReflectionConfig
    do {
      config = try YAMLDecoder().decode(
        ReflectionConfig.self, from: String(decoding: data, as: UTF8.self))
    } catch {
      throw .badConfig(path: path, problem: "not a valid config (\(error))")
    }
    var entries: [ReflectionEntry] = []
    var problems: [ReflectionProblem] = []
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".md") && $0 != "README.md" && !$0.hasPrefix(".") }.sorted()
    for name in names {
      let file = (folder as NSString).appendingPathComponent(name)
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        problems.append(
          ReflectionProblem(path: file, line: 1, problem: "not readable as UTF-8 text"))
        continue
      }
      switch ReflectionFile.parse(text, path: file) {
      case .success(let entry): entries.append(entry)
      case .failure(let failure): problems += failure.problems
      }
    }
    entries.sort { ($0.date, $0.id) < ($1.date, $1.id) }
    return ReflectionLog(folder: folder, config: config, entries: entries, problems: problems)
  }

  // MARK: Creating

  /// A slug for a file name: lower case, letters and digits, hyphens between, at most 50.
  public static func slug(_ title: String) -> String {
    let folded = title.folding(
      options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    var slug = ""
    for scalar in folded.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.hasSuffix("-"), !slug.isEmpty {
        slug += "-"
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    if slug.count > 50 {
      slug = String(slug.prefix(50))
      while slug.hasSuffix("-") { slug.removeLast() }
    }
    return slug.isEmpty ? "reflection" : slug
  }

  /// Writes a new entry as `YYYY-MM-DD-slug.md`, never over an existing file: the name gets a
  /// suffix (`-2`, `-3`, ...) until it is free. The file appears whole or not at all (written to
  /// a temporary name, then hard-linked to the final one, which fails if the name is taken).
  public func create(_ entry: ReflectionEntry) throws(ReflectionError) -> ReflectionEntry {
    var entry = entry
    let base = "\(entry.date)-\(Self.slug(entry.title))"
    let temporary = (folder as NSString).appendingPathComponent(".tmp-\(UUID().uuidString)")
    do {
      try ReflectionFile.render(entry).write(toFile: temporary, atomically: false, encoding: .utf8)
    } catch {
      throw .cannotWrite(path: temporary, reason: error.localizedDescription)
    }
    defer { unlink(temporary) }
    for attempt in 1...10_000 {
      let name = attempt == 1 ? base : "\(base)-\(attempt)"
      let path = (folder as NSString).appendingPathComponent(name + ".md")
      if link(temporary, path) == 0 {
        entry.id = name
        entry.path = path
        return entry
      }
      if errno != EEXIST {
        throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
      }
    }
    throw .cannotWrite(path: base, reason: "no free name")
  }

  // MARK: Finding

  public func entry(_ reference: String) throws(ReflectionError) -> ReflectionEntry {
    let name = ((reference as NSString).lastPathComponent as NSString).deletingPathExtension
    guard let entry = entries.first(where: { $0.id == name || $0.path == reference }) else {
      throw .unknownEntry(reference: reference)
    }
    return entry
  }

  /// An action by `ENTRY/ID` or, when it names one action of the log only, by `ID`.
  public func action(_ reference: String) throws(ReflectionError) -> (ReflectionEntry, Int) {
    let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
    if parts.count == 2 {
      let entry = try entry(parts[0])
      guard let index = entry.actions.firstIndex(where: { $0.id == parts[1] }) else {
        throw .unknownAction(reference: reference, candidates: [])
      }
      return (entry, index)
    }
    let matches = entries.flatMap { entry in
      entry.actions.indices.filter { entry.actions[$0].id == reference }.map { (entry, $0) }
    }
    guard matches.count == 1, let match = matches.first else {
      throw .unknownAction(
        reference: reference, candidates: matches.map { "\($0.0.id)/\(reference)" })
    }
    return match
  }

  // MARK: Closing an action

  /// Sets an action's status in place: only the characters of that one status line change.
  public func setStatus(_ reference: String, to status: ActionStatus) throws(ReflectionError)
    -> ReflectionAction
  {
    let (entry, index) = try action(reference)
    guard let text = try? String(contentsOfFile: entry.path, encoding: .utf8) else {
      throw .cannotWrite(path: entry.path, reason: "cannot read it")
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard
      let close = lines.dropFirst().firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "---"
      }),
      let actionsLine = lines[1..<close].firstIndex(where: { $0.hasPrefix("actions:") })
    else { throw .cannotEditInPlace(path: entry.path, problem: "no 'actions:' block") }
    // The items of the block: lines that start a list item at the block's first item indent.
    let block = (actionsLine + 1)..<close
    let itemStarts = block.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
    guard let firstIndent = itemStarts.first.map({ lines[$0].prefix(while: { $0 == " " }).count })
    else {
      throw .cannotEditInPlace(path: entry.path, problem: "the actions are not a block list")
    }
    let items = itemStarts.filter { lines[$0].prefix(while: { $0 == " " }).count == firstIndent }
    guard index < items.count else {
      throw .cannotEditInPlace(path: entry.path, problem: "action \(index + 1) not found")
    }
    let itemEnd = index + 1 < items.count ? items[index + 1] : close
    guard
      let statusLine = (items[index]..<itemEnd).first(where: {
        let trimmed = lines[$0].trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("status:") || trimmed.hasPrefix("- status:")
      })
    else {
      throw .cannotEditInPlace(
        path: entry.path,
        problem: "action \(entry.actions[index].id) has no 'status:' line; add one")
    }
    let old = lines[statusLine]
    guard let colon = old.firstIndex(of: ":") else {
      throw .cannotEditInPlace(path: entry.path, problem: "bad status line")
    }
    let afterColon = old[old.index(after: colon)...]
    let spaces = afterColon.prefix(while: { $0 == " " })
    let rest = afterColon.dropFirst(spaces.count)
    let valueEnd = rest.firstIndex(where: { $0 == " " || $0 == "#" }) ?? rest.endIndex
    lines[statusLine] = String(old[...colon]) + spaces + status.rawValue + rest[valueEnd...]
    do {
      try lines.joined(separator: "\n").write(toFile: entry.path, atomically: true, encoding: .utf8)
    } catch {
      throw .cannotWrite(path: entry.path, reason: error.localizedDescription)
    }
    var action = entry.actions[index]
    action.status = status
    return action
  }
}
