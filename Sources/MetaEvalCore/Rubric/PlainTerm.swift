/// A strict reading of the terms that the regex engine surely accepts: literal characters,
/// escaped punctuation, groups (plain or `(?:`) with alternatives, classes of a few plain
/// characters, and `?` after any of them; optionally ending in `\w*`. Used to put off
/// compiling such terms until they are needed: a term outside this reading is compiled at
/// once, so that a mistake in a rubric is still reported when it loads.
enum PlainTerm {
  /// Whether the whole term reads as plain.
  static func isPlain(_ term: String) -> Bool {
    var scalars = Array(term.unicodeScalars)
    if scalars.count >= 3 && scalars.suffix(3) == ["\\", "w", "*"] { scalars.removeLast(3) }
    // ICU refuses an empty pattern.
    guard !scalars.isEmpty else { return false }
    var reader = Reader(scalars: scalars)
    return reader.alternatives(depth: 0) && reader.index == scalars.count
  }

  /// The characters with a meaning of their own in a pattern.
  static let metacharacters = Set("\\^$.|?*+()[]{}".unicodeScalars)

  struct Reader {
    let scalars: [Unicode.Scalar]
    var index = 0

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// `a|b|c` up to a closing parenthesis (left to the caller) or the end.
    mutating func alternatives(depth: Int) -> Bool {
      guard depth < 8 else { return false }
      while let scalar = current, scalar != ")" {
        if scalar == "|" {
          index += 1
          continue
        }
        guard atom(depth: depth) else { return false }
        if current == "?" { index += 1 }
      }
      return true
    }

    mutating func atom(depth: Int) -> Bool {
      guard let scalar = current else { return false }
      index += 1
      switch scalar {
      case "(":
        if current == "?" {
          guard index + 1 < scalars.count, scalars[index + 1] == ":" else { return false }
          index += 2
        }
        guard alternatives(depth: depth + 1), current == ")" else { return false }
        index += 1
        return true
      case "[":
        return plainClass()
      case "\\":
        // Escaped ASCII punctuation stands for itself; letters and digits are classes,
        // back-references or assertions, and are not plain.
        guard let escaped = current, escaped.isASCII, !escaped.properties.isAlphabetic,
          !("0"..."9").contains(escaped), escaped.value >= 0x20, escaped.value < 0x7F
        else { return false }
        index += 1
        return true
      default:
        // Control characters are left to ICU to judge.
        return !PlainTerm.metacharacters.contains(scalar) && scalar.value >= 0x20
          && scalar.value != 0x7F
      }
    }

    /// `[sz]` or `[- ]`: letters, digits and spaces, and one '-', first or last.
    mutating func plainClass() -> Bool {
      let start = index
      var dashes = 0
      while let scalar = current, scalar != "]" {
        let dash =
          scalar == "-"
          && (index == start || index + 1 < scalars.count && scalars[index + 1] == "]")
        let plain =
          scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " || dash
        guard plain else { return false }
        if dash { dashes += 1 }
        index += 1
      }
      guard dashes <= 1 else { return false }
      guard current == "]", index > start else { return false }
      index += 1
      return true
    }
  }
}
