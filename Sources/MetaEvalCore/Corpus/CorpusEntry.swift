import Foundation
import PDFExtraction

/// One document of a corpus: where it is, and the manifest's metadata about it.
public struct CorpusEntry: Sendable, Equatable {
  /// Relative to the corpus root (the folder, or the manifest's folder).
  public var file: String
  public var absolutePath: String
  /// Manifest columns other than `file`, in manifest order.
  public var metadata: [(String, String)]

  public static func == (lhs: CorpusEntry, rhs: CorpusEntry) -> Bool {
    lhs.file == rhs.file && lhs.absolutePath == rhs.absolutePath
      && lhs.metadata.map { $0.0 + "\u{0}" + $0.1 } == rhs.metadata.map { $0.0 + "\u{0}" + $0.1 }
  }
}

/// Why a corpus could not be read at all.
public enum CorpusError: Error, Equatable, Sendable, CustomStringConvertible {
  case notFound(path: String)
  case noDocuments(path: String)
  case manifest(CSVError)
  case duplicateFile(path: String, file: String)

  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file or folder"
    case .noDocuments(let path): "\(path): no .pdf, .txt or .md documents found"
    case .manifest(let error): error.description
    case .duplicateFile(let path, let file): "\(path): '\(file)' is listed twice"
    }
  }
}

/// The documents of a corpus: a folder walked recursively, or a manifest CSV with a `file`
/// column and metadata columns. Sorted by relative path.
public struct CorpusSource: Sendable {
  public let root: String
  public let entries: [CorpusEntry]
  /// The manifest's metadata column names (empty for a folder).
  public let metadataColumns: [String]
  /// A short name for the corpus (the folder's or manifest's name), for the default output folder.
  public let name: String

  public static func load(path: String, manifest: String? = nil) throws(CorpusError) -> CorpusSource
  {
    var isDirectory: ObjCBool = false
    let manifestPath = manifest ?? (path.lowercased().hasSuffix(".csv") ? path : nil)
    if let manifestPath {
      return try fromManifest(manifestPath, folder: manifest == nil ? nil : path)
    }
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path: path)
    }
    guard isDirectory.boolValue else {
      let entry = CorpusEntry(
        file: (path as NSString).lastPathComponent, absolutePath: absolute(path), metadata: [])
      return CorpusSource(
        root: (path as NSString).deletingLastPathComponent, entries: [entry], metadataColumns: [],
        name: ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
    }
    let files = DocumentFinder.documents(in: path)
    guard !files.isEmpty else { throw .noDocuments(path: path) }
    // The folder made absolute once: the paths found under it hold no "." or ".." to remove.
    let folder = absolute(path)
    let entries = files.map {
      CorpusEntry(file: $0, absolutePath: Self.path($0, under: folder), metadata: [])
    }
    return CorpusSource(root: path, entries: entries, metadataColumns: [], name: folderName(path))
  }

  static func fromManifest(_ manifest: String, folder: String?) throws(CorpusError) -> CorpusSource
  {
    let table: CSVTable
    do {
      table = try CSVTable.read(path: manifest)
    } catch {
      throw .manifest(error)
    }
    guard let fileColumn = table.column("file") else {
      throw .manifest(.missingColumn(path: manifest, column: "file"))
    }
    let root = folder ?? (manifest as NSString).deletingLastPathComponent
    let metadataColumns = table.header.enumerated().filter { $0.offset != fileColumn }.map(
      \.element)
    var seen = Set<String>()
    var entries: [CorpusEntry] = []
    for row in table.rows {
      let file = fileColumn < row.count ? row[fileColumn].trimmingCharacters(in: .whitespaces) : ""
      if file.isEmpty { continue }
      guard seen.insert(file).inserted else { throw .duplicateFile(path: manifest, file: file) }
      let metadata = table.header.enumerated().filter { $0.offset != fileColumn }.map { column in
        (column.element, column.offset < row.count ? row[column.offset] : "")
      }
      let location = file.hasPrefix("/") ? file : (root as NSString).appendingPathComponent(file)
      entries.append(CorpusEntry(file: file, absolutePath: absolute(location), metadata: metadata))
    }
    guard !entries.isEmpty else { throw .noDocuments(path: manifest) }
    entries.sort { $0.file < $1.file }
    return CorpusSource(
      root: root, entries: entries, metadataColumns: metadataColumns,
      name: ((manifest as NSString).lastPathComponent as NSString).deletingPathExtension)
  }

  /// A relative path found under an absolute folder, as `absolute` would make it.
  static func path(_ relative: String, under folder: String) -> String {
    folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
  }

  static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  static func folderName(_ path: String) -> String {
    let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
    return name.isEmpty || name == "/" ? "corpus" : name
  }
}
