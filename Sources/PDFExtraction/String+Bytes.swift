#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension StringProtocol {
  /// Whether the UTF-8 bytes hold `first` directly followed by `second`: a cheap test for
  /// "-\n" or " \n" that avoids Foundation's general string search. `second` is looked for
  /// with `memchr`, a line at a time.
  func containsBytes(_ first: UInt8, _ second: UInt8) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { buffer -> Bool in
      guard let start = buffer.baseAddress, buffer.count > 1 else { return false }
      let end = start + buffer.count
      var cursor = start + 1
      while cursor < end, let hit = memchr(cursor, Int32(second), end - cursor) {
        let place = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
        if (place - 1).pointee == first { return true }
        cursor = place + 1
      }
      return false
    }
    if let found { return found }
    var previous: UInt8 = 0
    for byte in utf8 {
      if previous == first && byte == second { return true }
      previous = byte
    }
    return false
  }
}

extension String {
  /// The lines of the text, cut at every line feed byte, empty ones included: what
  /// `utf8.split(separator: 0x0A, omittingEmptySubsequences: false)` gives, but found with
  /// `memchr` and sliced by index rather than stepped through a byte at a time. (A line feed
  /// is a character of its own, so for text without carriage returns these are also the
  /// lines of `split(separator: "\n", omittingEmptySubsequences: false)`.)
  func lineSlices() -> [Substring] {
    let utf8 = self.utf8
    let found = utf8.withContiguousStorageIfAvailable { buffer -> [Substring] in
      guard let base = buffer.baseAddress else { return [self[...]] }
      var lines: [Substring] = []
      var start = utf8.startIndex
      var offset = 0
      let end = base + buffer.count
      while offset < buffer.count, let hit = memchr(base + offset, 0x0A, end - (base + offset)) {
        let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
        let lineEnd = utf8.index(start, offsetBy: at - offset)
        lines.append(self[start..<lineEnd])
        start = utf8.index(after: lineEnd)
        offset = at + 1
      }
      lines.append(self[start...])
      return lines
    }
    return found
      ?? utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
  }
}

extension Unicode.Scalar {
  /// White space, with a fast answer for ASCII.
  var isSpace: Bool {
    value < 0x80 ? UTF8Bytes.isSpace(UInt8(value)) : properties.isWhitespace
  }
}
