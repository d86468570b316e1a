import PDFExtraction

/// Byte-level helpers over valid UTF-8, for the loops that read every line of a document.
///
/// `Character` and `String.Index` walk grapheme clusters, which is most of the cost of
/// cutting a document into lines and sentences; these walk bytes and decode a scalar only
/// where the byte is not ASCII.
enum UTF8Text {
  /// Runs `body` on the text's UTF-8 bytes (without a copy for a native string).
  @inline(__always)
  static func withBytes<Result>(
    _ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return copy.withUTF8(body)
  }

  /// The scalar that starts at `index`, with its length in bytes.
  @inline(__always)
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
    UTF8Bytes.scalar(bytes, at: index)
  }

  /// Where the scalar that ends just before `end` starts.
  @inline(__always)
  static func scalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
    var start = end - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }

  /// Unicode's White_Space, with ASCII answered without a table lookup.
  @inline(__always)
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      ? UTF8Bytes.isSpace(UInt8(scalar.value)) : scalar.properties.isWhitespace
  }

  /// The range of `bytes` without leading and trailing white space.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end {
      let (scalar, length) = Self.scalar(bytes, at: start)
      guard isWhitespace(scalar) else { break }
      start += length
    }
    while end > start {
      let scalarStart = Self.scalarStart(bytes, before: end)
      guard isWhitespace(Self.scalar(bytes, at: scalarStart).0) else { break }
      end = scalarStart
    }
    return start..<end
  }

  /// The first place at or after `index` that is not white space.
  static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
    var position = index
    while position < bytes.count {
      let (scalar, length) = Self.scalar(bytes, at: position)
      guard isWhitespace(scalar) else { break }
      position += length
    }
    return position
  }

  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The number of scalars in a range (bytes that do not continue a scalar).
  static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var count = 0
    for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// The bytes with the ASCII capitals lower-cased (other bytes as they are).
  static func lowercasedASCII<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
    bytes.map(UTF8Bytes.lowered)
  }

  /// The same, as a string: for comparing short ASCII words with a set of them.
  static func lowercasedASCIIString<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    String(decoding: lowercasedASCII(bytes), as: UTF8.self)
  }

  /// A word of five ASCII bytes or fewer, lower-cased and packed into one number with its
  /// length: short words are compared with a set of them without making a string. Nil for a
  /// longer word or one outside ASCII.
  static func shortWordKey(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard word.count <= 5 else { return nil }
    var key = UInt64(word.count)
    for byte in word {
      guard byte < 0x80 else { return nil }
      key = key << 8 | UInt64(UTF8Bytes.lowered(byte))
    }
    return key
  }

  /// The keys of those of `words` that have one (see `shortWordKey`).
  static func shortWordKeys(_ words: Set<String>) -> Set<UInt64> {
    Set(words.compactMap { word in withBytes(word) { shortWordKey($0) } })
  }

  @inline(__always)
  static func isASCIIUppercase(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
  @inline(__always)
  static func isASCIILowercase(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
  @inline(__always)
  static func isASCIIDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

  /// Whether `text` holds `part`, byte for byte (Foundation's `contains` goes through
  /// CFString and compares by characters).
  static func contains(_ text: String, _ part: String) -> Bool {
    withBytes(text) { haystack in withBytes(part) { holds(haystack, $0) } }
  }

  /// Whether `haystack` holds the bytes of `needle`.
  static func holds(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard !needle.isEmpty else { return true }
    guard needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      var offset = 1
      while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
      if offset == needle.count { return true }
    }
    return false
  }
}
