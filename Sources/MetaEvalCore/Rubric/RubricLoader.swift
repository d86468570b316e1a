import Foundation
import Yams

/// Reads rubric files, checks them and compiles their patterns.
public enum RubricLoader {
  public static let supportedVersion = 1

  public static func load(path: String) throws(RubricError) -> Rubric {
    try compiler(path: path).compile()
  }

  /// The compiler of a rubric file, with the rubrics it `extends` merged in.
  static func compiler(path: String) throws(RubricError) -> RubricCompiler {
    let (spec, node) = try decode(path: path)
    var merged = spec
    var base = spec
    var seen: Set<String> = [spec.id]
    // Follow `extends` through the same folder; a cycle or a chain deeper than 4 is an error.
    while let parent = base.extends {
      guard seen.insert(parent).inserted, seen.count <= 5 else {
        throw .invalidField(
          path: path, line: NodeLocator(root: node).line(of: [PathKey("extends")]), criterion: nil,
          problem: "'extends: \(parent)' makes a cycle or a chain longer than 4")
      }
      let folder = (path as NSString).deletingLastPathComponent
      let parentPath = (folder as NSString).appendingPathComponent(parent + ".yaml")
      base = try decode(path: parentPath).0
      merged = merged.merged(onto: base)
    }
    return RubricCompiler(spec: merged, path: path, root: node)
  }

  /// Reads and decodes one rubric file, without following `extends`.
  static func decode(path: String) throws(RubricError) -> (RubricSpec, Node) {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadable(
        path: path,
        reason: FileManager.default.fileExists(atPath: path) ? "not UTF-8 text" : "no such file")
    }
    return try decode(yaml: text, path: path)
  }

  /// Loads a rubric from YAML text (which may not `extend` another).
  public static func load(yaml text: String, path: String) throws(RubricError) -> Rubric {
    let (spec, node) = try decode(yaml: text, path: path)
    if let parent = spec.extends {
      throw .invalidField(
        path: path, line: NodeLocator(root: node).line(of: [PathKey("extends")]), criterion: nil,
        problem: "'extends: \(parent)' needs the rubric to be loaded from a file")
    }
    return try RubricCompiler(spec: spec, path: path, root: node).compile()
  }

  /// The tags a rubric's plain scalars are resolved to, when it is read: YAML's default set
  /// runs the regex engine up to seven times on every scalar of the file, and decoding reads
  /// numbers and null from a scalar's text. Kept: bool, and the merge (`<<`) and value (`=`)
  /// keys, which are read by their tags. A test pins that a rubric decodes as with all of them.
  static let resolver = Resolver.basic.appending(.bool).appending(.merge).appending(.value)

  static func decode(yaml text: String, path: String, resolver: Resolver = resolver)
    throws(RubricError) -> (RubricSpec, Node)
  {
    let node: Node
    do {
      guard let composed = try Yams.compose(yaml: text, resolver) else {
        throw RubricError.invalidYAML(path: path, line: 1, problem: "the file is empty")
      }
      node = composed
    } catch let error as RubricError {
      throw error
    } catch let error as YamlError {
      throw .invalidYAML(path: path, line: Self.line(of: error), problem: Self.problem(of: error))
    } catch {
      throw .invalidYAML(path: path, line: 1, problem: String(describing: error))
    }
    let spec: RubricSpec
    do {
      // The direct reading; `YAMLDecoder` for anything it does not take, and for the errors.
      spec = try RubricSpecReader.spec(node) ?? YAMLDecoder().decode(RubricSpec.self, from: node)
    } catch let error as DecodingError {
      let (codingPath, problem) = Self.describe(error)
      throw .invalidField(
        path: path, line: NodeLocator(root: node).line(of: codingPath),
        criterion: NodeLocator.criterionID(codingPath, spec: node), problem: problem)
    } catch {
      throw .invalidYAML(path: path, line: 1, problem: String(describing: error))
    }
    guard spec.version == supportedVersion else {
      throw .unsupportedVersion(path: path, version: spec.version)
    }
    return (spec, node)
  }

  static func describe(_ error: DecodingError) -> ([CodingKey], String) {
    switch error {
    case .keyNotFound(let key, let context):
      return (context.codingPath, "missing field '\(key.stringValue)'")
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return (
        context.codingPath,
        "'\(context.codingPath.last?.stringValue ?? "")': \(context.debugDescription)"
      )
    case .dataCorrupted(let context):
      return (
        context.codingPath,
        "'\(context.codingPath.last?.stringValue ?? "")': \(context.debugDescription)"
      )
    @unknown default:
      return ([], String(describing: error))
    }
  }

  /// The line to name: where the broken construct began (an unclosed `[` or quote) when the
  /// parser says so, else where it noticed.
  static func line(of error: YamlError) -> Int {
    switch error {
    case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _),
      .composer(let context, _, let mark, _):
      return context?.mark.line ?? mark.line
    default:
      return 1
    }
  }

  static func problem(of error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _),
      .composer(_, let problem, _, _):
      return problem
    default:
      return String(describing: error)
    }
  }
}

/// Finds the line of a value in the YAML tree, for messages.
struct NodeLocator {
  let root: Node

  func node(at path: [CodingKey]) -> Node? {
    var current: Node? = root
    for key in path {
      guard let node = current else { return nil }
      if let index = key.intValue {
        current = node.sequence.flatMap { index < $0.count ? $0[index] : nil }
      } else {
        current = node.mapping?[key.stringValue]
      }
    }
    return current
  }

  /// The line of the deepest node on `path` that exists.
  func line(of path: [CodingKey]) -> Int {
    var prefix = path
    while !prefix.isEmpty {
      if let mark = node(at: prefix)?.mark { return mark.line }
      prefix.removeLast()
    }
    return root.mark?.line ?? 1
  }

  static func criterionID(_ path: [CodingKey], spec root: Node) -> String? {
    guard path.count >= 2, path[0].stringValue == "criteria", let index = path[1].intValue,
      let criteria = root.mapping?["criteria"]?.sequence, index < criteria.count
    else { return nil }
    return criteria[index].mapping?["id"]?.string
  }
}

/// A coding key made from a string or an index, for locating nodes.
struct PathKey: CodingKey {
  var stringValue: String
  var intValue: Int?

  init(_ string: String) {
    stringValue = string
    intValue = nil
  }

  init(_ index: Int) {
    stringValue = String(index)
    intValue = index
  }

  init?(stringValue: String) { self.init(stringValue) }
  init?(intValue: Int) { self.init(intValue) }
}
