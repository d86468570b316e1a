/// Escaping of untrusted text (everything that came from a PDF) for each output format.
public enum Escape {
  /// Text for HTML element content and attribute values. Read on the UTF-8 bytes: a quote or
  /// a bracket with a combining mark on it (one character to Swift) is escaped all the same,
  /// as the browser reads it as a quote or a bracket.
  public static func html(_ text: String) -> String {
    var text = text
    let escaped = text.withUTF8 { bytes -> String? in
      guard bytes.contains(where: { htmlSpecial[Int($0)] }) else { return nil }
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count + 32)
      for byte in bytes {
        switch byte {
        case 0x26: output.append(contentsOf: "&amp;".utf8)
        case 0x3C: output.append(contentsOf: "&lt;".utf8)
        case 0x3E: output.append(contentsOf: "&gt;".utf8)
        case 0x22: output.append(contentsOf: "&quot;".utf8)
        case 0x27: output.append(contentsOf: "&#39;".utf8)
        default: output.append(byte)
        }
      }
      return String(decoding: output, as: UTF8.self)
    }
    return escaped ?? text
  }

  /// & < > " ' by byte.
  static let htmlSpecial: [Bool] = (0...255).map { [0x26, 0x3C, 0x3E, 0x22, 0x27].contains($0) }

  /// Text for a terminal: control characters (which could move the cursor or change colours)
  /// become spaces.
  public static func terminal(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          scalar.properties.generalCategory == .control ? " " : scalar
        }))
  }

  /// Text for Markdown: inline markup, HTML and table pipes are escaped, lines joined.
  public static func markdown(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~", "{", "}", "(", ")":
        output.append("\\")
        output.append(character)
      case "&": output += "&amp;"
      case "\n", "\r": output.append(" ")
      default: output.append(character)
      }
    }
    return output
  }

  /// One CSV field (RFC 4180): quoted when it holds the delimiter, a quote, CR or LF. A field
  /// that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
  /// leading apostrophe. Read on the UTF-8 bytes, so a CR before a LF counts as one, and a
  /// first character with a mark on it (`-\u{301}`) by its first scalar.
  public static func csv(_ text: String, delimiter: Character = ",") -> String {
    var text = text
    let separator = Array(String(delimiter).utf8)
    let (formula, quoted) = text.withUTF8 { bytes -> (Bool, Bool) in
      guard let first = bytes.first else { return (false, false) }
      let formula = csvFormulaStarts.contains(first)
      let single = separator.count == 1 ? separator[0] : 0x22
      var quoted = bytes.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == single }
      if !quoted && separator.count > 1 {
        quoted = separator.withUnsafeBufferPointer { UTF8Text.holds(bytes, $0) }
      }
      return (formula, quoted)
    }
    guard formula || quoted else { return text }
    let field = formula ? "'" + text : text
    guard quoted else { return field }
    var output: [UInt8] = [0x22]
    output.reserveCapacity(field.utf8.count + 8)
    for byte in field.utf8 {
      output.append(byte)
      if byte == 0x22 { output.append(0x22) }
    }
    output.append(0x22)
    return String(decoding: output, as: UTF8.self)
  }

  /// The first bytes of a field a spreadsheet would run as a formula: = + - @ tab CR.
  static let csvFormulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
}
