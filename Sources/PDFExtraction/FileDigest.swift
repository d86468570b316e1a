import Foundation

/// The SHA-256 of a file, for cache keys, without extracting it.
public enum FileDigest {
  public static func sha256(path: String) throws(PDFExtractionError) -> String {
    guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
      return data.withUnsafeBytes { Checksum.sha256($0) }
    } catch {
      throw .unreadable(path: path, reason: "permission denied or I/O error")
    }
  }
}
