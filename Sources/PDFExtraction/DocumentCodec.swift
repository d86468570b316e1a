import Foundation

/// A compact binary form of an extracted document (everything but its path), for the cache
/// and for the pipe from an extraction worker: length-prefixed UTF-8 strings and fixed-width
/// integers, read back without a parser. JSON cost more than the scoring of the text it carried.
///
/// Layout: the magic `MED1`, then kind, sha256, page count, the eight metadata fields, the
/// number of pages and per page: index, label, text, source, OCR confidence, OCR error. A
/// string is a 32-bit length and its bytes; an optional value is a byte 0 (absent) or 1 and
/// the value; integers are 64-bit little-endian.
public enum DocumentCodec {
  static let magic: [UInt8] = Array("MED1".utf8)

  public static func encode(_ document: ExtractedDocument) -> Data {
    var writer = Writer()
    writer.bytes.reserveCapacity(
      document.pages.reduce(256) { $0 + $1.text.utf8.count + $1.label.utf8.count + 32 })
    writer.bytes += magic
    writer.string(document.kind.rawValue)
    writer.string(document.sha256)
    writer.integer(document.pageCount)
    let metadata = document.metadata
    for field in [
      metadata.title, metadata.author, metadata.subject, metadata.keywords, metadata.creator,
      metadata.producer, metadata.created, metadata.modified,
    ] {
      writer.optionalString(field)
    }
    writer.integer(document.pages.count)
    for page in document.pages {
      writer.integer(page.index)
      writer.string(page.label)
      writer.string(page.text)
      writer.string(page.source.rawValue)
      writer.optionalNumber(page.ocrConfidence)
      writer.optionalString(page.ocrError)
    }
    return Data(writer.bytes)
  }

  /// The document, with `path` put in; nil when the bytes are not a document of this form.
  public static func decode(_ data: Data, path: String) -> ExtractedDocument? {
    data.withUnsafeBytes { buffer in
      var reader = Reader(bytes: buffer)
      guard reader.take(magic.count).map(Array.init) == magic,
        let kind = reader.string().flatMap(SourceKind.init(rawValue:)),
        let sha256 = reader.string(), let pageCount = reader.integer()
      else { return nil }
      var fields: [String?] = []
      for _ in 0..<8 {
        guard let field = reader.optionalString() else { return nil }
        fields.append(field)
      }
      guard let count = reader.integer(), count >= 0, count <= buffer.count else { return nil }
      var pages: [PageText] = []
      pages.reserveCapacity(count)
      for _ in 0..<count {
        guard let index = reader.integer(), let label = reader.string(),
          let text = reader.string(),
          let source = reader.string().flatMap(PageSource.init(rawValue:)),
          let confidence = reader.optionalNumber(), let error = reader.optionalString()
        else { return nil }
        pages.append(
          PageText(
            index: index, label: label, text: text, source: source, ocrConfidence: confidence,
            ocrError: error))
      }
      guard reader.atEnd else { return nil }
      return ExtractedDocument(
        path: path, kind: kind, sha256: sha256, pageCount: pageCount, pages: pages,
        metadata: DocumentMetadata(
          title: fields[0], author: fields[1], subject: fields[2], keywords: fields[3],
          creator: fields[4], producer: fields[5], created: fields[6], modified: fields[7]))
    }
  }

  struct Writer {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
      withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 }
    }

    mutating func string(_ value: String) {
      let utf8 = value.utf8
      withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes += $0 }
      bytes += utf8
    }

    mutating func optionalString(_ value: String?) {
      bytes.append(value == nil ? 0 : 1)
      if let value { string(value) }
    }

    mutating func optionalNumber(_ value: Double?) {
      bytes.append(value == nil ? 0 : 1)
      if let value { integer(Int(Int64(bitPattern: value.bitPattern))) }
    }
  }

  struct Reader {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
      guard count >= 0, count <= bytes.count - position else { return nil }
      defer { position += count }
      return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
    }

    mutating func integer() -> Int? {
      guard let raw = take(8) else { return nil }
      return Int(Int64(littleEndian: raw.loadUnaligned(as: Int64.self)))
    }

    mutating func string() -> String? {
      guard let raw = take(4) else { return nil }
      let length = Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
      guard let text = take(length) else { return nil }
      return Self.validString(text.assumingMemoryBound(to: UInt8.self))
    }

    /// The text when its bytes are valid UTF-8; nil otherwise. Decoding repairs what is not
    /// valid, so the decoded bytes equal the input exactly when there was nothing to repair.
    /// (`String(validating:as:)` answers the same, but looks up protocol conformances on
    /// every call: 2% of a warm corpus run.)
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
      var text = String(decoding: bytes, as: UTF8.self)
      let same = text.withUTF8 { decoded in
        decoded.count == bytes.count
          && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
      }
      return same ? text : nil
    }

    /// Whether an optional value follows; nil when the flag is broken.
    mutating func flag() -> Bool? {
      switch take(1)?.first {
      case 0: false
      case 1: true
      default: nil
      }
    }

    /// `.some(nil)` for an absent value, nil when the bytes are broken.
    mutating func optionalString() -> String?? {
      guard let present = flag() else { return nil }
      guard present else { return .some(nil) }
      return string().map { .some($0) }
    }

    mutating func optionalNumber() -> Double?? {
      guard let present = flag() else { return nil }
      guard present else { return .some(nil) }
      return integer().map { .some(Double(bitPattern: UInt64(bitPattern: Int64($0)))) }
    }
  }
}
