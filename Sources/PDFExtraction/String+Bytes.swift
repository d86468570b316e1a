extension StringProtocol {
  /// Whether the UTF-8 bytes hold `first` directly followed by `second`: a cheap test for
  /// "-\n" or " \n" that avoids Foundation's general string search.
  func containsBytes(_ first: UInt8, _ second: UInt8) -> Bool {
    var previous: UInt8 = 0
    for byte in utf8 {
      if previous == first && byte == second { return true }
      previous = byte
    }
    return false
  }
}

extension Unicode.Scalar {
  /// White space, with a fast answer for ASCII.
  var isSpace: Bool {
    value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value)) : properties.isWhitespace
  }
}
