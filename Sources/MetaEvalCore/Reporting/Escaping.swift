/// Escaping of untrusted text (everything that came from a PDF) for each output format.
public enum Escape {
  /// Text for HTML element content and attribute values.
  public static func html(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.append(character)
      }
    }
    return output
  }

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
  /// leading apostrophe.
  public static func csv(_ text: String, delimiter: Character = ",") -> String {
    var field = text
    if let first = field.first, "=+-@\t\r".contains(first) { field = "'" + field }
    if field.contains(delimiter) || field.contains("\"") || field.contains("\n")
      || field.contains("\r")
    {
      return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
    return field
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
