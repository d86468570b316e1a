import Foundation

/// The SHA-256 of a file, for cache keys, without extracting it.
public enum FileDigest {
  /// What tells a changed file from an unchanged one without reading it: its size and the
  /// time it was last modified and had its status changed (nanoseconds), and its inode.
  public struct Stamp: Codable, Sendable, Equatable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
      self.size = size
      self.modified = modified
      self.changed = changed
      self.inode = inode
    }
  }

  public static func stamp(path: String) -> Stamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Stamp(
      size: Int64(info.st_size),
      modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
      changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
      inode: UInt64(info.st_ino))
  }

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
