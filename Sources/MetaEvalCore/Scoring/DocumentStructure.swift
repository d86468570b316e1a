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

  static let contentsTitle = try! NSRegularExpression(
    pattern: #"^\s*(inhoud|inhoudsopgave|inhoudstafel|contents|table of contents|index)\s*$"#,
    options: [.caseInsensitive])
  /// "3.2 Aanpak ........ 12", "Conclusies 23", "4. Findings  7"
  static let contentsEntry = try! NSRegularExpression(
    pattern: #"(\.{3,}|…{2,}|\s)\s*\d{1,3}\s*$"#, options: [])
  static let dotLeaders = try! NSRegularExpression(pattern: #"(\.\s?){4,}|…{2,}"#, options: [])

  init(pages: [PageText]) {
    self.pages = pages
    var lines: [Line] = []
    var words = 0
    for (pageIndex, page) in pages.enumerated() {
      let pageLines = page.text.split(separator: "\n", omittingEmptySubsequences: true)
        .map { Self.plainLine($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
      let isContentsPage = Self.isContentsPage(pageLines)
      // After a "Contents" title, entries follow until a line that is not one: a sentence, or
      // a heading that repeats an entry (the contents ended and the section itself began).
      var inContentsBlock = false
      var entries = Set<String>()
      for text in pageLines {
        let count = text.split(whereSeparator: \.isWhitespace).count
        words += count
        var isEntry = Self.matches(Self.dotLeaders, text)
        if Self.matches(Self.contentsTitle, text) {
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
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// A page of contents: most of its lines end in a page number.
  static func isContentsPage(_ lines: [String]) -> Bool {
    guard lines.count >= 5 else { return false }
    if lines.prefix(5).contains(where: { matches(contentsTitle, $0) }) { return true }
    let entries = lines.filter { matches(contentsEntry, $0) && !$0.hasSuffix(".") }.count
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
    return matches(contentsEntry, text) || words <= 8
  }

  static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
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
      let text = current.trimmingCharacters(in: .whitespaces)
      if !text.isEmpty {
        result.append(Sentence(page: currentPage, line: start, text: text, isContents: currentContents))
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
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if ".!?".contains(character) {
        let next = text.index(after: index)
        if next == text.endIndex { return nil }
        if text[next] == " " {
          let after = text[next...].drop(while: { $0 == " " })
          if let first = after.first, first.isUppercase || first.isNumber || "\"“‘(".contains(first) {
            let word = text[..<index].split(separator: " ").last.map(String.init) ?? ""
            if !abbreviations.contains(word.lowercased()) && word.count > 1 || character != "." {
              return next
            }
          }
        }
      }
      index = text.index(after: index)
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
    let words = text.split(whereSeparator: \.isWhitespace)
    guard words.count <= 12, let last = text.last, let first = text.first else { return false }
    guard !".,;".contains(last), first.isUppercase || first.isNumber else { return false }
    if let lastWord = words.last, continuationWords.contains(lastWord.lowercased()) { return false }
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
