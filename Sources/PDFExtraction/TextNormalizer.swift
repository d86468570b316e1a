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

  public static func normalize(_ text: String) -> String {
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
    return cleaned.precomposedStringWithCanonicalMapping
  }
}
