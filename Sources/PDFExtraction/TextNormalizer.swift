import Foundation

/// Character-level clean-up: ligatures, invisible characters, Unicode NFC.
public enum TextNormalizer {
  static let ligatures: [Unicode.Scalar: String] = [
    "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
    "\u{FB05}": "st", "\u{FB06}": "st",
  ]
  /// Soft hyphen, zero-width space and joiners, word joiner, byte-order mark.
  static let invisible: Set<Unicode.Scalar> = [
    "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}",
  ]

  /// A carriage return, an invisible character or a ligature: by value, without hashing.
  @inline(__always)
  static func needsWork(_ value: UInt32) -> Bool {
    value == 0x0D || value == 0xAD || (0x200B...0x200D).contains(value) || value == 0x2060
      || value == 0xFEFF
      || (0xFB00...0xFB06).contains(value)
  }

  /// Characters that NFC leaves as they are and that never compose with the character before
  /// them: Latin below U+0300, and the punctuation, symbols, bullets and private-use glyphs that
  /// reports are full of. A text of only these needs no NFC pass (checked for each in tests).
  @inline(__always)
  static func isComposedAlready(_ value: UInt32) -> Bool {
    value < 0x300 || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
      || value == 0x20AC || value == 0x2122 || (0x2190...0x21FF).contains(value)
      || (0x2500...0x25FF).contains(value) || (0x2700...0x27BF).contains(value)
      || (0xE000...0xF8FF).contains(value)
  }

  /// Whether the text holds a character `normalize` replaces or drops, and whether all its
  /// characters are composed already; read on the UTF-8 bytes (ASCII eight bytes at a time).
  static func survey(_ text: String) -> (needsWork: Bool, composed: Bool) {
    var text = text
    return text.withUTF8 { bytes in
      var needsWork = false
      var composed = true
      var index = 0
      let count = bytes.count
      while index < count {
        // Eight ASCII bytes without a carriage return: nothing to look at.
        if let word = UTF8Bytes.asciiWord(bytes, at: index) {
          if !UTF8Bytes.holds(word, 0x0D) {
            index += 8
            continue
          }
        }
        let (scalar, length) = UTF8Bytes.scalar(bytes, at: index)
        let value = scalar.value
        needsWork = needsWork || Self.needsWork(value)
        composed = composed && isComposedAlready(value)
        if needsWork && !composed { break }
        index += length
      }
      return (needsWork, composed)
    }
  }

  public static func normalize(_ text: String) -> String {
    // Most pages hold none of the characters replaced here, and nothing NFC would change:
    // one pass over the bytes tells.
    let survey = survey(text)
    if !survey.needsWork {
      if survey.composed { return text }
      return text.precomposedStringWithCanonicalMapping
    }
    var output = String.UnicodeScalarView()
    var changed = false
    for scalar in text.unicodeScalars {
      if invisible.contains(scalar) {
        changed = true
      } else if let replacement = ligatures[scalar] {
        output.append(contentsOf: replacement.unicodeScalars)
        changed = true
      } else if scalar == "\r" {
        changed = true
      } else {
        output.append(scalar)
      }
    }
    let cleaned = changed ? String(output) : text
    // Text with nothing to compose skips the costly NFC.
    if cleaned.unicodeScalars.allSatisfy({ isComposedAlready($0.value) }) { return cleaned }
    return cleaned.precomposedStringWithCanonicalMapping
  }
}
