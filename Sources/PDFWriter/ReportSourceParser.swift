/// Reads the `.rpt` format: YAML-like front matter between `---` lines, then Markdown-subset blocks.
public enum ReportSourceParser {
  public static func parse(_ text: String, path: String) throws(PDFWriterError) -> ReportSource {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    var fields: [String: String] = [:]
    var lineNumber = 0
    if lines.first == "---" {
      guard let end = lines.dropFirst().firstIndex(of: "---") else {
        throw .badSource(path: path, line: 1, problem: "front matter is not closed by a '---' line")
      }
      for (offset, line) in lines[1..<end].enumerated() {
        let content = stripComment(line)
        if content.trimmed.isEmpty { continue }
        guard let colon = content.firstIndex(of: ":") else {
          throw .badSource(path: path, line: offset + 2, problem: "expected 'key: value'")
        }
        let key = content[..<colon].trimmed
        fields[key] = unquote(content[content.index(after: colon)...].trimmed)
      }
      lineNumber = end + 1
      lines = Array(lines[(end + 1)...])
    }
    let columns = Int(fields["columns"] ?? "1") ?? 0
    guard columns == 1 || columns == 2 else {
      throw .badSource(path: path, line: 1, problem: "columns must be 1 or 2")
    }
    var source = ReportSource(
      title: fields["title"] ?? "", language: fields["lang"] ?? "en", columns: columns,
      header: fields["header"], footer: fields["footer"], blocks: [],
      date: fields["date"] ?? "2024-01-01")

    var paragraph: [String] = []
    func flush() {
      if !paragraph.isEmpty { source.blocks.append(.paragraph(paragraph.joined(separator: " "))) }
      paragraph = []
    }
    let wantsTitlePage = (fields["titlepage"] ?? "false") == "true"
    var inTitle = wantsTitlePage
    for line in lines {
      lineNumber += 1
      let trimmed = line.trimmed
      if inTitle {
        if trimmed.hasPrefix("#") || trimmed == "<!-- pagebreak -->" {
          inTitle = false
        } else {
          if !trimmed.isEmpty { source.titleLines.append(trimmed) }
          continue
        }
      }
      if trimmed.isEmpty {
        flush()
      } else if trimmed == "<!-- pagebreak -->" {
        flush()
        source.blocks.append(.pageBreak)
      } else if let level = headingLevel(trimmed) {
        flush()
        source.blocks.append(
          .heading(level: level, text: String(trimmed.dropFirst(level + 1)).trimmed))
      } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
        flush()
        source.blocks.append(.bullet(String(trimmed.dropFirst(2)).trimmed))
      } else if let (number, rest) = numberedItem(trimmed) {
        flush()
        source.blocks.append(.numbered(number, text: rest))
      } else if trimmed.hasPrefix("|") {
        flush()
        let cells = trimmed.split(separator: "|", omittingEmptySubsequences: false)
          .dropFirst().map { String($0).trimmed }
        let row = cells.last == "" ? Array(cells.dropLast()) : Array(cells)
        if row.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }  // |---| separator
        source.blocks.append(.tableRow(row))
      } else {
        paragraph.append(trimmed)
      }
    }
    flush()
    return source
  }

  static func headingLevel(_ line: String) -> Int? {
    let hashes = line.prefix(while: { $0 == "#" }).count
    guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  static func numberedItem(_ line: String) -> (String, String)? {
    let digits = line.prefix(while: \.isNumber)
    guard !digits.isEmpty, digits.count <= 3 else { return nil }
    let rest = line.dropFirst(digits.count)
    guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
    return (digits + String(rest.prefix(1)), String(rest.dropFirst(2)).trimmed)
  }

  /// Drops a `# comment` that follows a value (but not a `#` inside quotes).
  static func stripComment(_ line: String) -> String {
    var inQuotes = false
    var previous: Character = " "
    for index in line.indices {
      let character = line[index]
      if character == "\"" { inQuotes.toggle() }
      if character == "#", !inQuotes, previous == " " { return String(line[..<index]) }
      previous = character
    }
    return line
  }

  static func unquote(_ value: String) -> String {
    if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
      return String(value.dropFirst().dropLast())
    }
    return value
  }
}

extension StringProtocol {
  var trimmed: String {
    var slice = self[...]
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }
}
