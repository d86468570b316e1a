import Foundation

/// Finds rubrics by id (a `.yaml` file in one of the rubric folders) or by path.
public struct RubricLibrary: Sendable {
  /// Folders searched for `ID.yaml`, in order.
  public let folders: [String]

  public init(folders: [String]) {
    self.folders = folders
  }

  /// `$METAEVAL_RUBRICS`, `./Rubrics`, a `Rubrics` folder above the executable (a checkout),
  /// then the shared install folders.
  public static func standard(executable: String = CommandLine.arguments.first ?? "")
    -> RubricLibrary
  {
    var folders: [String] = []
    if let custom = ProcessInfo.processInfo.environment["METAEVAL_RUBRICS"], !custom.isEmpty {
      folders.append(custom)
    }
    folders.append("Rubrics")
    var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = directory.appendingPathComponent("Rubrics").path
      if FileManager.default.fileExists(atPath: candidate) {
        folders.append(candidate)
        break
      }
      directory.deleteLastPathComponent()
    }
    folders += ["/usr/local/share/metaeval/rubrics", "/usr/share/metaeval/rubrics"]
    var seen = Set<String>()
    return RubricLibrary(
      folders: folders.filter {
        seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted
      })
  }

  public static let defaultID = "bronsgeest"

  /// The path of a rubric given as an id or a path.
  public func path(for reference: String) throws(RubricError) -> String {
    if reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") {
      return reference
    }
    for folder in folders {
      for fileExtension in ["yaml", "yml"] {
        let candidate = (folder as NSString).appendingPathComponent("\(reference).\(fileExtension)")
        if FileManager.default.fileExists(atPath: candidate) { return candidate }
      }
    }
    throw .notFound(name: reference, searched: folders)
  }

  public func load(_ reference: String = defaultID) throws(RubricError) -> Rubric {
    try RubricLoader.load(path: path(for: reference))
  }

  /// Every rubric file in the first folder that has any, sorted by file name.
  public func available() -> [String] {
    for folder in folders {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
        continue
      }
      let rubrics = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      if !rubrics.isEmpty { return rubrics.map { (folder as NSString).appendingPathComponent($0) } }
    }
    return []
  }
}
