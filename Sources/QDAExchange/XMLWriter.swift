/// Writes an XML document element by element, indented, with every value escaped.
///
/// Attributes are given in order (nil values are left out), so the output is the same for the
/// same input. Names of elements and attributes are trusted: they are REFI-QDA's own.
struct XMLWriter {
  private(set) var output = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  private var open: [String] = []

  typealias Attributes = KeyValuePairs<String, String?>

  /// `<name attributes>`; what follows goes inside until `close()`.
  mutating func open(_ name: String, _ attributes: Attributes = [:]) {
    output += indent + "<" + name + Self.render(attributes) + ">\n"
    open.append(name)
  }

  mutating func close() {
    guard let name = open.popLast() else { return }
    output += indent + "</" + name + ">\n"
  }

  /// `<name attributes/>`.
  mutating func empty(_ name: String, _ attributes: Attributes = [:]) {
    output += indent + "<" + name + Self.render(attributes) + "/>\n"
  }

  /// `<name attributes>text</name>`.
  mutating func element(_ name: String, _ attributes: Attributes = [:], text: String) {
    output +=
      indent + "<" + name + Self.render(attributes) + ">" + Self.escapeText(text) + "</" + name
      + ">\n"
  }

  /// The document, with every open element closed.
  mutating func finish() -> String {
    while !open.isEmpty { close() }
    return output
  }

  private var indent: String { String(repeating: "  ", count: open.count) }

  private static func render(_ attributes: Attributes) -> String {
    var text = ""
    for (name, value) in attributes {
      guard let value else { continue }
      text += " " + name + "=\"" + escapeAttribute(value) + "\""
    }
    return text
  }

  /// Text for element content: `&`, `<` and `>` as entities, a carriage return as a character
  /// reference (a parser would turn a literal one into a line feed), and characters XML 1.0
  /// does not allow as U+FFFD.
  static func escapeText(_ text: String) -> String { escape(text, inAttribute: false) }

  /// Text for an attribute value in double quotes: as `escapeText`, and quotes, tabs and line
  /// ends as references so that attribute-value normalisation keeps them.
  static func escapeAttribute(_ text: String) -> String { escape(text, inAttribute: true) }

  private static func escape(_ text: String, inAttribute: Bool) -> String {
    var output = ""
    output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\r": output += "&#13;"
      case "\"" where inAttribute: output += "&quot;"
      case "'" where inAttribute: output += "&apos;"
      case "\t" where inAttribute: output += "&#9;"
      case "\n" where inAttribute: output += "&#10;"
      default: output.unicodeScalars.append(allowed(scalar) ? scalar : "\u{FFFD}")
      }
    }
    return output
  }

  /// XML 1.0's Char production: tab, line feed, carriage return, and everything from U+0020
  /// except U+FFFE and U+FFFF (surrogates cannot occur in a Swift string).
  static func allowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
