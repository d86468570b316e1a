import Foundation
import ZIPFoundation

/// The zip container of a `.qdpx`: writes entries with a fixed date, reads them back.
public enum QDPXArchive {
  /// Every entry's modification date: 1980-01-01 00:00 UTC, the first a zip file can hold, so
  /// that the same project gives the same bytes.
  static let entryDate = Date(timeIntervalSince1970: 315_532_800)

  /// Writes the entries, in the order given and deflated, to `path` (replacing it atomically).
  public static func write(_ entries: [(path: String, data: Data)], to path: String)
    throws(QDAExchangeError)
  {
    let data: Data
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for entry in entries {
        let contents = entry.data
        try archive.addEntry(
          with: entry.path, type: .file, uncompressedSize: Int64(contents.count),
          modificationDate: entryDate,
          permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
          contents.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
      data = bytes
    } catch {
      throw .cannotWrite(path: path, reason: "the zip archive could not be made: \(error)")
    }
    try QDACodebook.write(data, to: path)
  }

  /// The file entries of the archive at `path` whose paths `include` accepts, by path.
  public static func read(
    _ path: String, where include: (String) -> Bool = { _ in true }
  ) throws(QDAExchangeError) -> [String: Data] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .cannotRead(path: path, reason: "no such file")
    }
    if isDirectory.boolValue { throw .cannotRead(path: path, reason: "it is a folder") }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw .cannotRead(path: path, reason: "permission denied")
    }
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw .notAProject(path: path, reason: "not a zip archive")
    }
    var entries: [String: Data] = [:]
    for entry in archive where entry.type == .file && include(entry.path) {
      var contents = Data()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in contents.append(chunk) }
      } catch {
        throw .notAProject(path: path, reason: "the zip entry '\(entry.path)' is damaged")
      }
      entries[entry.path] = contents
    }
    return entries
  }
}
