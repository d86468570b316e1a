import Foundation

/// A folder under the system's temporary directory, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
  public let path: String

  public init(_ label: String = "metaeval") throws {
    let base = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = base
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  public func file(_ name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  /// Writes `contents` to a file in this folder and returns its path.
  @discardableResult
  public func write(_ name: String, _ contents: Data) throws -> String {
    let target = file(name)
    try FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try contents.write(to: URL(fileURLWithPath: target))
    return target
  }

  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    try write(name, Data(text.utf8))
  }
}
