import Foundation
import PDFExtraction

/// A line of the document with where it stands.
struct Line {
  /// Position in `DocumentStructure.pages`.
  var page: Int
  var text: String
  /// A line of a table of contents: never evidence by itself.
  var isContents: Bool
  var wordCount: Int
  /// Short, without a sentence end, and not continued by the next line: a heading, a label
  /// or a table cell.
  var isHeadingShaped: Bool = false
}

/// A sentence (or a heading, or a list item) of running text, for phrase cues and quotes.
struct Sentence {
  var page: Int
  /// Index of the line it starts on.
  var line: Int
  var text: String
  var isContents: Bool
}

/// The document cut into lines and sentences, with contents pages marked.
struct DocumentStructure {
  let pages: [PageText]
  let lines: [Line]
  let sentences: [Sentence]
  let wordCount: Int

  init(pages: [PageText]) {
    self.pages = pages
    var lines: [Line] = []
    var words = 0
    for (pageIndex, page) in pages.enumerated() {
      let pageLines = page.text.split(separator: "\n", omittingEmptySubsequences: true)
        .map { Self.plainLine(Self.trim($0)) }.filter { !$0.isEmpty }
      let isContentsPage = Self.isContentsPage(pageLines)
      // After a "Contents" title, entries follow until a line that is not one: a sentence, or
      // a heading that repeats an entry (the contents ended and the section itself began).
      var inContentsBlock = false
      var entries = Set<String>()
      for text in pageLines {
        let count = Self.wordCount(text)
        words += count
        var isEntry = Self.hasDotLeaders(text)
        if Self.isContentsTitle(text) {
          inContentsBlock = true
          entries = []
          isEntry = true
        } else if inContentsBlock || isContentsPage {
          let key = Self.entryKey(text)
          if Self.looksLikeContentsEntry(text, words: count) && !entries.contains(key) {
            entries.insert(key)
            isEntry = true
          } else if inContentsBlock {
            inContentsBlock = false
          }
        }
        lines.append(Line(page: pageIndex, text: text, isContents: isEntry, wordCount: count))
      }
    }
    for index in lines.indices {
      let next = index + 1 < lines.count ? lines[index + 1].text : nil
      lines[index].isHeadingShaped = Self.isHeadingShaped(lines[index].text, next: next)
    }
    self.lines = lines
    self.wordCount = words
    self.sentences = Self.sentences(of: lines)
  }

  static let markdownLink = try! NSRegularExpression(pattern: #"!?\[([^\]]*)\]\([^)]*\)"#)

  /// A line of Markdown as plain text: heading marks, emphasis and link targets removed,
  /// so that reports kept as Markdown read like the same report in a PDF.
  static func plainLine(_ line: String) -> String {
    // Most lines hold no Markdown at all: look at the bytes before doing any work.
    guard
      line.utf8.contains(where: {
        $0 == 0x23 || $0 == 0x2A || $0 == 0x5F || $0 == 0x5D || $0 == 0x2D
      })
    else {
      return line
    }
    var text = line
    if text.hasPrefix("#") {
      let marks = text.prefix(while: { $0 == "#" })
      if marks.count <= 6, text.dropFirst(marks.count).first == " " {
        text = String(text.dropFirst(marks.count + 1))
      }
    }
    if text.contains("**") { text = text.replacingOccurrences(of: "**", with: "") }
    if text.contains("__") { text = text.replacingOccurrences(of: "__", with: "") }
    if text.contains("](") {
      text = markdownLink.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1")
    }
    if text == "---" || text == "***" { return "" }
    return trim(Substring(text))
  }

  /// The line without leading and trailing white space.
  static func trim(_ line: Substring) -> String {
    var slice = line
    while let first = slice.unicodeScalars.first, first.properties.isWhitespace {
      slice = slice.dropFirst()
    }
    while let last = slice.unicodeScalars.last, last.properties.isWhitespace {
      slice = slice.dropLast()
    }
    return String(slice)
  }

  static func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for byte in text.utf8 {
      let space = byte == 0x20 || byte == 0x09
      if !space && !inWord { count += 1 }
      inWord = !space
    }
    return count
  }

  static let contentsTitles: Set<String> = [
    "inhoud", "inhoudsopgave", "inhoudstafel", "contents", "table of contents", "index",
  ]

  static func isContentsTitle(_ text: String) -> Bool {
    text.utf8.count <= 20
      && contentsTitles.contains(
        text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": ")))
  }

  /// Four or more dots (or spaced dots) or two ellipses in a row: the leaders of a contents line.
  static func hasDotLeaders(_ text: String) -> Bool {
    var dots = 0
    var ellipses = 0
    for scalar in text.unicodeScalars {
      switch scalar {
      case ".":
        dots += 1
        if dots >= 4 { return true }
      case " ":
        continue
      case "…":
        ellipses += 1
        if ellipses >= 2 { return true }
      default:
        dots = 0
        ellipses = 0
      }
    }
    return false
  }

  /// "3.2 Aanpak ........ 12", "Conclusies 23": a page number of one to three digits at the end.
  static func endsInPageNumber(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars.suffix(6))
    var digits = 0
    var index = scalars.count - 1
    while index >= 0, scalars[index].properties.numericType == .decimal, scalars[index].isASCII {
      digits += 1
      index -= 1
    }
    guard (1...3).contains(digits), index >= 0 else { return false }
    return scalars[index] == " " || scalars[index] == "." || scalars[index] == "…"
  }

  /// A page of contents: most of its lines end in a page number.
  static func isContentsPage(_ lines: [String]) -> Bool {
    guard lines.count >= 5 else { return false }
    if lines.prefix(5).contains(where: isContentsTitle) { return true }
    let entries = lines.filter { endsInPageNumber($0) && !$0.hasSuffix(".") }.count
    return Double(entries) >= 0.5 * Double(lines.count)
  }

  /// A contents entry without list marks, section number and page number, for comparison
  /// with the heading it names.
  static func entryKey(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace)
      .filter { word in !word.allSatisfy { $0.isNumber || ".-•*–".contains($0) } }
      .joined(separator: " ")
  }

  static func looksLikeContentsEntry(_ text: String, words: Int) -> Bool {
    guard words <= 14, !text.hasSuffix(".") else { return false }
    return endsInPageNumber(text) || words <= 8
  }

  /// Cuts the running text into sentences. A line that does not end a sentence flows into
  /// the next one, except where the next line starts a list item or the line is a heading.
  static func sentences(of lines: [Line]) -> [Sentence] {
    var result: [Sentence] = []
    var current = ""
    var start = 0
    var currentPage = 0
    var currentContents = false
    func flush() {
      let text = trim(Substring(current))
      if !text.isEmpty {
        result.append(
          Sentence(page: currentPage, line: start, text: text, isContents: currentContents))
      }
      current = ""
    }
    for (index, line) in lines.enumerated() {
      let startsItem = startsListItem(line.text)
      let endedSentence = current.last.map { ".!?".contains($0) } ?? false
      if current.isEmpty || startsItem || endedSentence || line.isHeadingShaped || line.isContents
        || currentContents || line.page != currentPage && endsBlock(current)
      {
        flush()
        start = index
        currentPage = line.page
        currentContents = line.isContents
      }
      // Split the line at sentence ends; the last piece may continue on the next line.
      var remainder = Substring(line.text)
      while let end = sentenceEnd(in: remainder) {
        current += (current.isEmpty ? "" : " ") + remainder[..<end]
        flush()
        start = index
        currentPage = line.page
        currentContents = line.isContents
        remainder = remainder[end...].drop(while: \.isWhitespace)
      }
      if !remainder.isEmpty { current += (current.isEmpty ? "" : " ") + remainder }
      if line.isHeadingShaped || line.isContents { flush() }
    }
    flush()
    return result
  }

  static func startsListItem(_ text: String) -> Bool {
    guard let first = text.first else { return false }
    if "•●▪■◦·–-*\u{F07A}\u{F0B7}".contains(first) { return true }
    let digits = text.prefix(while: \.isNumber)
    if !digits.isEmpty, digits.count <= 2 {
      let rest = text.dropFirst(digits.count)
      return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }
    return false
  }

  static func endsBlock(_ text: String) -> Bool {
    guard let last = text.last else { return true }
    return ".!?:".contains(last)
  }

  /// The end of the first sentence in `text`: after `.`, `!` or `?` followed by a space and a
  /// capital, a digit or an opening quote. Abbreviations (e.g., i.e., o.a., bijv.) do not end.
  static func sentenceEnd(in text: Substring) -> Substring.Index? {
    // Scalars, not Characters: grapheme breaking is the slow part and nothing here needs it.
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "." || scalar == "!" || scalar == "?" {
        let next = scalars.index(after: index)
        if next == scalars.endIndex { return nil }
        if scalars[next] == " " {
          var after = next
          while after < scalars.endIndex, scalars[after] == " " {
            after = scalars.index(after: after)
          }
          if after < scalars.endIndex {
            let first = scalars[after]
            let opens =
              first.properties.isUppercase || first.properties.numericType == .decimal
              || "\"“‘(".unicodeScalars.contains(first)
            if opens {
              // The word before the full stop, found backwards from it.
              var wordStart = index
              while wordStart > scalars.startIndex, scalars[scalars.index(before: wordStart)] != " "
              {
                wordStart = scalars.index(before: wordStart)
              }
              let word = String(scalars[wordStart..<index])
              let length = scalars.distance(from: wordStart, to: index)
              if !abbreviations.contains(word.lowercased()) && length > 1 || scalar != "." {
                return next
              }
            }
          }
        }
      }
      index = scalars.index(after: index)
    }
    return nil
  }

  static let abbreviations: Set<String> = [
    "e.g", "i.e", "o.a", "bijv", "bv", "m.b.t", "t.a.v", "mr", "dr", "drs", "ir", "nr", "no",
    "vs", "etc", "incl", "excl", "ca", "zgn", "resp", "art", "p", "pp", "fig", "jan", "feb",
    "aug", "sept", "okt", "oct", "nov", "dec", "u.s", "st", "min", "max",
  ]

  /// Short, without a sentence end, not ending in a word that needs a next one, and not
  /// continued in lower case on the next line: a heading, a label, a table cell.
  static func isHeadingShaped(_ text: String, next: String? = nil) -> Bool {
    guard let last = text.last, let first = text.first else { return false }
    guard !".,;".contains(last), first.isUppercase || first.isNumber else { return false }
    guard wordCount(text) <= 12 else { return false }
    let lastWord = text.reversed().prefix(while: { $0 != " " }).reversed()
    if continuationWords.contains(String(lastWord).lowercased()) { return false }
    if let next, let nextFirst = next.first, nextFirst.isLowercase { return false }
    return true
  }

  /// Words a heading does not end on: the line goes on in the next one.
  static let continuationWords: Set<String> = [
    "the", "a", "an", "of", "by", "and", "or", "to", "in", "for", "with", "on", "at", "from",
    "is", "are", "was", "were", "that", "which", "de", "het", "een", "van", "en", "of", "in",
    "op", "voor", "met", "door", "te", "is", "zijn", "was", "waren", "dat", "die", "aan", "naar",
    "om", "als", "bij", "uit",
  ]
}
