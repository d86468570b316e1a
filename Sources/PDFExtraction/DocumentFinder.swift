import Foundation

/// Finds the documents metaeval can read under a folder.
public enum DocumentFinder {
  public static let extensions: Set<String> = ["pdf", "txt", "md"]

  /// Paths of `.pdf`, `.txt` and `.md` files below `folder` (recursively, hidden files skipped),
  /// relative to it and sorted, so that every run sees the same order.
  public static func documents(in folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      if name.hasPrefix(".") {
        if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
          enumerator.skipDescendants()
        }
        continue
      }
      if extensions.contains((name as NSString).pathExtension.lowercased()) {
        found.append(relative)
      }
    }
    return found.sorted()
  }

  /// Each argument as given when it is a file; a folder's documents in its place.
  public static func expand(_ arguments: [String]) -> [String] {
    arguments.flatMap { argument -> [String] in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return [argument] }
      return documents(in: argument).map { (argument as NSString).appendingPathComponent($0) }
    }
  }
}
