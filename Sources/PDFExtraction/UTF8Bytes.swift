/// Readings of valid UTF-8 bytes shared by the loops that walk every page (the clean-up here,
/// the scoring in MetaEvalCore): inlinable, so that each loop compiles them in place.
public enum UTF8Bytes {
  /// The eight bytes from `index` as one number, as they lie in memory, when all eight are
  /// ASCII (for tests and changes made on every byte alike); nil when fewer than eight remain
  /// or one of them is not ASCII.
  @inlinable @inline(__always)
  public static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
    guard index + 8 <= bytes.count else { return nil }
    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    return word & 0x8080_8080_8080_8080 == 0 ? word : nil
  }

  /// The scalar that starts at `index`, with its length in bytes.
  @inlinable @inline(__always)
  public static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    Unicode.Scalar, Int
  ) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
    func continuation(_ offset: Int) -> UInt32 {
      index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0
    }
    let value: UInt32
    let length: Int
    if lead < 0xE0 {
      value = (lead & 0x1F) << 6 | continuation(1)
      length = 2
    } else if lead < 0xF0 {
      value = (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
      length = 3
    } else {
      value = (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
      length = 4
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// Whether the byte is ASCII white space: space, tab, line feed, vertical tab, form feed or
  /// carriage return (the ASCII characters whose `isWhitespace` is true).
  @inlinable @inline(__always)
  public static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte &- 0x09 < 5
  }

  /// The byte with an ASCII capital (A-Z) lower-cased; every other byte as it is.
  @inlinable @inline(__always)
  public static func lowered(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  /// The high bit of each byte of `word` that equals `byte`, all other bits clear: eight
  /// comparisons at once, exact (no carry from one byte into the next).
  @inlinable @inline(__always)
  public static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    let nonzero = ((difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | difference
    return ~nonzero & 0x8080_8080_8080_8080
  }

  /// Whether any byte of `word` equals `byte`: cheaper than `equalBytes` when only the answer
  /// counts (a borrow may mark bytes above a match, never a word without one).
  @inlinable @inline(__always)
  public static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
    let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0
  }

  /// How many bytes of `mask` have their high bit set, when no other bit is: one multiply,
  /// cheaper than a population count where the processor has no instruction for it.
  @inlinable @inline(__always)
  public static func highBitCount(_ mask: UInt64) -> Int {
    Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
  }
}
