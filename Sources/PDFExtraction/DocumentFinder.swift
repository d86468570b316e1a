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
      // The name and its extension read from the bytes: NSString's path methods cost tens
      // of thousands of instructions per file, which a corpus of ten thousand files notices.
      let bytes = relative.utf8
      let name = bytes.lastIndex(of: 0x2F).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
      if name.first == 0x2E {  // a hidden file or folder
        if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
          enumerator.skipDescendants()
        }
        continue
      }
      guard let dot = name.lastIndex(of: 0x2E) else { continue }
      let suffix = name[name.index(after: dot)...]
      if extensions.contains(String(decoding: suffix, as: UTF8.self).lowercased()) {
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
