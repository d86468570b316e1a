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
      let pageLines = Self.measuredLines(of: page.text)
      let isContentsPage = Self.isContentsPage(pageLines.map(\.text))
      // After a "Contents" title, entries follow until a line that is not one: a sentence, or
      // a heading that repeats an entry (the contents ended and the section itself began).
      var inContentsBlock = false
      var entries = Set<String>()
      for (text, count, dotLeaders) in pageLines {
        words += count
        var isEntry = dotLeaders
        if Self.isContentsTitle(text) {
          inContentsBlock = true
          entries = []
          isEntry = true
        } else if inContentsBlock || isContentsPage {
          if Self.looksLikeContentsEntry(text, words: count),
            case let key = Self.entryKey(text), !entries.contains(key)
          {
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
      lines[index].isHeadingShaped = Self.isHeadingShaped(
        lines[index].text, next: next, words: lines[index].wordCount)
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
    guard mayHoldMarkdown(line) else { return line }
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

  /// What `plainLine` would change: a heading mark at the start, `**`, `__`, a link's `](`,
  /// or a rule (`---`; `***` holds `**`). The line is trimmed already.
  static func mayHoldMarkdown(_ line: String) -> Bool {
    line == "---" || UTF8Text.withBytes(line) { $0.first == 0x23 || holdsMarkdownPair($0) }
  }

  /// The non-empty lines of a page as plain text, each with its word count and whether it has
  /// dot leaders, measured in one pass over its bytes.
  static func measuredLines(of text: String) -> [(text: String, words: Int, dotLeaders: Bool)] {
    var text = text
    return text.withUTF8 { bytes in
      var lines: [(text: String, words: Int, dotLeaders: Bool)] = []
      var start = 0
      while start < bytes.count {
        let end =
          memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start).map {
            UnsafeRawPointer(bytes.baseAddress!).distance(to: UnsafeRawPointer($0))
          } ?? bytes.count
        let range = UTF8Text.trimmed(bytes, start..<end)
        start = end + 1
        guard !range.isEmpty else { continue }
        let measured = measure(bytes, range)
        let line = UTF8Text.string(bytes, range)
        if measured.markdown || range.count == 3 {
          // Markdown (or a "---" rule): the plain text is measured anew.
          let plain = plainLine(line)
          if !plain.isEmpty {
            let measured = measure(plain)
            lines.append((plain, measured.words, measured.dotLeaders))
          }
        } else {
          lines.append((line, measured.words, measured.dotLeaders))
        }
      }
      return lines
    }
  }

  /// Words, dot leaders and signs of Markdown (see `mayHoldMarkdown`) of a trimmed line. One
  /// pass without branches, eight bytes at a time, counts words and notes which special bytes
  /// occur; the rarer checks run only on lines that hold their bytes.
  static func measure(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (
    words: Int, dotLeaders: Bool, markdown: Bool
  ) {
    var words = 0
    // The high bit of a byte set where the byte before is a space or a tab (or where the
    // line begins): a word starts where such a byte is neither.
    var spaceBefore: UInt64 = 0x80
    var seen: UInt8 = 0
    var dots = 0
    var ellipses = 0
    var index = range.lowerBound
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    while index + 8 <= range.upperBound {
      // The first byte in the lowest bits, so that shifting up moves to the next byte.
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      let spaces = UTF8Bytes.equalBytes(word, 0x20) | UTF8Bytes.equalBytes(word, 0x09)
      let before = spaces << 8 | spaceBefore
      words &+= UTF8Bytes.highBitCount(~spaces & before & 0x8080_8080_8080_8080)
      spaceBefore = spaces >> 56
      dots &+= UTF8Bytes.highBitCount(UTF8Bytes.equalBytes(word, 0x2E))
      ellipses &+= UTF8Bytes.highBitCount(UTF8Bytes.equalBytes(word, 0xE2))
      let marks =
        UTF8Bytes.equalBytes(word, 0x2A) | UTF8Bytes.equalBytes(word, 0x5F)
        | UTF8Bytes.equalBytes(word, 0x5D)
      seen |= marks == 0 ? 0 : 2
      index += 8
    }
    // The last bytes one at a time, with the same flags.
    var inWord = UInt8(spaceBefore == 0 ? 1 : 0)
    byteFlags.withUnsafeBufferPointer { flags in
      for index in index..<range.upperBound {
        let flag = flags[Int(bytes[index])]
        // 1 for a byte of a word, 0 for a space or a tab: a word starts where 1 follows 0.
        let inside = (flag >> 2 & 1) ^ 1
        words &+= Int(inside & ~inWord & 1)
        inWord = inside
        seen |= flag
        dots &+= Int(flag & 1)
        ellipses &+= Int(flag >> 3 & 1)
      }
    }
    let line = UnsafeBufferPointer(rebasing: bytes[range])
    // Leaders take four dots or two ellipses ("…" starts with E2); most lines have fewer.
    let dotLeaders = (dots >= 4 || ellipses >= 2) && hasDotLeaders(line)
    let markdown = bytes[range.lowerBound] == 0x23 || seen & 2 != 0 && holdsMarkdownPair(line)
    return (words, dotLeaders, markdown)
  }

  /// 1 for '.', 8 for the lead byte of '…', 2 for '*', '_' and ']', 4 for a space or a tab.
  static let byteFlags: [UInt8] = (0...255).map { byte in
    switch byte {
    case 0x2E: 1
    case 0xE2: 8
    case 0x2A, 0x5F, 0x5D: 2
    case 0x20, 0x09: 4
    default: 0
    }
  }

  static func holdsMarkdownPair(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == previous && (byte == 0x2A || byte == 0x5F) || previous == 0x5D && byte == 0x28 {
        return true
      }
      previous = byte
    }
    return false
  }

  /// The line without leading and trailing white space.
  static func trim(_ line: Substring) -> String {
    var text = String(line)
    return text.withUTF8 { UTF8Text.string($0, UTF8Text.trimmed($0, 0..<$0.count)) }
  }

  /// `measure` of a whole line (which may be empty).
  static func measure(_ text: String) -> (words: Int, dotLeaders: Bool, markdown: Bool) {
    UTF8Text.withBytes(text) { $0.isEmpty ? (0, false, false) : measure($0, 0..<$0.count) }
  }

  static let contentsTitles: Set<String> = [
    "inhoud", "inhoudsopgave", "inhoudstafel", "contents", "table of contents", "index",
  ]

  static func isContentsTitle(_ text: String) -> Bool {
    // Every title is ASCII: a line with other letters is none of them.
    let bytes = text.utf8
    guard bytes.count <= 20, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
    let lowered = UTF8Text.lowercasedASCII(bytes)
    let start = lowered.firstIndex { $0 != 0x20 && $0 != 0x3A } ?? lowered.endIndex
    let end = (lowered.lastIndex { $0 != 0x20 && $0 != 0x3A } ?? start - 1) + 1
    guard start < end else { return false }
    return contentsTitles.contains(String(decoding: lowered[start..<end], as: UTF8.self))
  }

  /// Four or more dots (or spaced dots) or two ellipses in a row: the leaders of a contents line.
  static func hasDotLeaders(_ text: String) -> Bool {
    UTF8Text.withBytes(text) { hasDotLeaders($0) }
  }

  static func hasDotLeaders(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var dots = 0
    var ellipses = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case 0x2E:
        dots += 1
        if dots >= 4 { return true }
      case 0x20:
        continue
      case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && bytes[index + 1] == 0xA6:
        // "…" is E2 80 A6.
        index += 2
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
    let bytes = text.utf8
    var index = bytes.endIndex
    var digits = 0
    while index > bytes.startIndex, digits <= 3 {
      let before = bytes.index(before: index)
      guard UTF8Text.isASCIIDigit(bytes[before]) else { break }
      digits += 1
      index = before
    }
    guard (1...3).contains(digits), index > bytes.startIndex else { return false }
    let before = bytes[bytes.index(before: index)]
    if before == 0x20 || before == 0x2E { return true }
    // "…" ends in A6, after E2 80.
    return before == 0xA6 && text.utf8[..<index].suffix(3).elementsEqual([0xE2, 0x80, 0xA6])
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
    UTF8Text.withBytes(text, asciiEntryKey) ?? characterEntryKey(text)
  }

  /// `entryKey` of an ASCII line (most entries), in one pass over its bytes: words cut at
  /// ASCII white space, numbering left out, lower-cased. Nil for a line with other bytes.
  static func asciiEntryKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var key: [UInt8] = []
    key.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard bytes[index] < 0x80 else { return nil }
      if UTF8Bytes.isSpace(bytes[index]) {
        index += 1
        continue
      }
      var end = index
      var numbering = true
      while end < bytes.count, !UTF8Bytes.isSpace(bytes[end]) {
        let byte = bytes[end]
        guard byte < 0x80 else { return nil }
        if !UTF8Text.isASCIIDigit(byte) && byte != 0x2E && byte != 0x2D && byte != 0x2A {
          numbering = false
        }
        end += 1
      }
      if !numbering {
        if !key.isEmpty { key.append(0x20) }
        for offset in index..<end { key.append(UTF8Bytes.lowered(bytes[offset])) }
      }
      index = end
    }
    return String(decoding: key, as: UTF8.self)
  }

  /// `entryKey` read on characters: words cut at white space, numbers and list marks left out.
  static func characterEntryKey(_ text: String) -> String {
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
    var cutter = SentenceCutter()
    for (index, line) in lines.enumerated() {
      let startsItem = startsListItem(line.text)
      let endedSentence =
        cutter.current.last.map { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } ?? false
      if cutter.current.isEmpty || startsItem || endedSentence || line.isHeadingShaped
        || line.isContents || cutter.isContents
        || line.page != cutter.page && endsBlock(cutter.current)
      {
        cutter.flush()
        cutter.begin(at: index, line)
      }
      // Split the line at sentence ends; the last piece may continue on the next line.
      var text = line.text
      text.withUTF8 { bytes in
        var position = 0
        while let end = sentenceEnd(in: bytes, from: position) {
          cutter.append(UnsafeBufferPointer(rebasing: bytes[position..<end]))
          cutter.flush()
          cutter.begin(at: index, line)
          position = UTF8Text.skipWhitespace(bytes, from: end)
        }
        if position < bytes.count {
          cutter.append(UnsafeBufferPointer(rebasing: bytes[position...]))
        }
      }
      if line.isHeadingShaped || line.isContents { cutter.flush() }
    }
    cutter.flush()
    return cutter.result
  }

  /// The sentence being gathered and those done (a value, so that its updates need no
  /// run-time exclusivity checks, as a closure over local variables would).
  struct SentenceCutter {
    var result: [Sentence] = []
    var current: [UInt8] = []
    var start = 0
    var page = 0
    var isContents = false

    init() { current.reserveCapacity(4096) }

    mutating func begin(at index: Int, _ line: Line) {
      start = index
      page = line.page
      isContents = line.isContents
    }

    /// Appends a piece of a line, after a space when the sentence has begun.
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
      if !current.isEmpty { current.append(0x20) }
      current.append(contentsOf: piece)
    }

    mutating func flush() {
      let text = current.withUnsafeBufferPointer {
        UTF8Text.string($0, UTF8Text.trimmed($0, 0..<$0.count))
      }
      if !text.isEmpty {
        result.append(Sentence(page: page, line: start, text: text, isContents: isContents))
      }
      current.removeAll(keepingCapacity: true)
    }
  }

  static func startsListItem(_ text: String) -> Bool {
    // Most lines start with an ASCII letter: answered from the first byte.
    guard let byte = text.utf8.first else { return false }
    if byte < 0x80 && !UTF8Text.isASCIIDigit(byte) { return byte == 0x2D || byte == 0x2A }
    if byte < 0x80, let numbered = numberedItemOnBytes(text) { return numbered }
    if byte >= 0x80 {
      // A bullet, or a number that is not ASCII ("①"); any other character starts no item.
      let scalar = UTF8Text.withBytes(text) { UTF8Text.scalar($0, at: 0).0 }
      if !Self.isBullet(scalar) && scalar.properties.numericType == nil { return false }
    }
    return characterStartsListItem(text)
  }

  /// `startsListItem` read character by character, as it was before the byte readings.
  static func characterStartsListItem(_ text: String) -> Bool {
    guard let first = text.first else { return false }
    if "•●▪■◦·–-*\u{F07A}\u{F0B7}".contains(first) { return true }
    let digits = text.prefix(while: \.isNumber)
    if !digits.isEmpty, digits.count <= 2 {
      let rest = text.dropFirst(digits.count)
      return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }
    return false
  }

  /// For a line that starts with an ASCII digit: one or two digits and then ". " or ") ", read
  /// on the bytes; nil when a character other than ASCII follows the digits (it may be a
  /// number too, or mark the last digit), which the character reading decides.
  static func numberedItemOnBytes(_ text: String) -> Bool? {
    UTF8Text.withBytes(text) { bytes -> Bool? in
      var digits = 0
      while digits < bytes.count && UTF8Text.isASCIIDigit(bytes[digits]) { digits += 1 }
      if digits < bytes.count && bytes[digits] >= 0x80 { return nil }
      guard digits <= 2, digits + 1 < bytes.count else { return false }
      // A mark after the space would join it into one character that is not a space.
      if digits + 2 < bytes.count && bytes[digits + 2] >= 0x80 { return nil }
      return (bytes[digits] == 0x2E || bytes[digits] == 0x29) && bytes[digits + 1] == 0x20
    }
  }

  /// "•●▪■◦·–-*" and the bullets of symbol fonts, without hashing.
  static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2022, 0x25CF, 0x25AA, 0x25A0, 0x25E6, 0xB7, 0x2013, 0x2D, 0x2A, 0xF07A, 0xF0B7: true
    default: false
    }
  }

  static func endsBlock(_ text: [UInt8]) -> Bool {
    guard let last = text.last else { return true }
    return last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A
  }

  /// The end of the first sentence in `bytes` from `start`: after `.`, `!` or `?` followed by
  /// a space and a capital, a digit or an opening quote. Abbreviations (e.g., i.e., o.a.,
  /// bijv.) do not end one.
  static func sentenceEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start - 1
    let count = bytes.count
    while true {
      index += 1
      // Most bytes are letters: skip to the next '.', '!' or '?', eight bytes at a time.
      while index + 8 <= count {
        let word = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(
          fromByteOffset: index, as: UInt64.self)
        if Self.holdsSentenceMark(word) { break }
        index += 8
      }
      while index < count {
        let byte = bytes[index]
        if byte == 0x2E || byte == 0x21 || byte == 0x3F { break }
        index += 1
      }
      guard index < count else { return nil }
      let byte = bytes[index]
      let next = index + 1
      if next == count { return nil }
      guard bytes[next] == 0x20 else { continue }
      var after = next
      while after < count, bytes[after] == 0x20 { after += 1 }
      guard after < count else { continue }
      let first = bytes[after]
      let opens: Bool
      if first < 0x80 {
        opens =
          UTF8Text.isASCIIUppercase(first) || UTF8Text.isASCIIDigit(first) || first == 0x22
          || first == 0x28
      } else {
        let scalar = UTF8Text.scalar(bytes, at: after).0
        opens =
          scalar.properties.isUppercase || scalar.properties.numericType == .decimal
          || scalar == "“" || scalar == "‘"
      }
      guard opens else { continue }
      if byte != 0x2E { return next }
      // The word before the full stop, found backwards from it.
      var wordStart = index
      while wordStart > start, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
      if UTF8Text.scalarCount(bytes, wordStart..<index) > 1
        && !isAbbreviation(UnsafeBufferPointer(rebasing: bytes[wordStart..<index]))
      {
        return next
      }
    }
  }

  /// Whether one of eight bytes is '.', '!' or '?' (a zero byte after XOR, found with the
  /// carry trick).
  @inline(__always)
  static func holdsSentenceMark(_ word: UInt64) -> Bool {
    UTF8Bytes.holds(word, 0x2E) || UTF8Bytes.holds(word, 0x21) || UTF8Bytes.holds(word, 0x3F)
  }

  /// Whether a word (without its full stop) is one of the abbreviations, in any case.
  static func isAbbreviation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    // Every abbreviation is ASCII and at most five letters long.
    UTF8Text.shortWordKey(word).map(abbreviationKeys.contains) ?? false
  }

  static let abbreviationKeys = UTF8Text.shortWordKeys(abbreviations)

  static let abbreviations: Set<String> = [
    "e.g", "i.e", "o.a", "bijv", "bv", "m.b.t", "t.a.v", "mr", "dr", "drs", "ir", "nr", "no",
    "vs", "etc", "incl", "excl", "ca", "zgn", "resp", "art", "p", "pp", "fig", "jan", "feb",
    "aug", "sept", "okt", "oct", "nov", "dec", "u.s", "st", "min", "max",
  ]

  /// Short, without a sentence end, not ending in a word that needs a next one, and not
  /// continued in lower case on the next line: a heading, a label, a table cell.
  static func isHeadingShaped(_ text: String, next: String? = nil, words: Int? = nil) -> Bool {
    let shaped = UTF8Text.withBytes(text) { bytes -> Bool in
      guard let lastByte = bytes.last, let firstByte = bytes.first else { return false }
      guard lastByte != 0x2E && lastByte != 0x2C && lastByte != 0x3B else { return false }
      if firstByte < 0x80 {
        guard UTF8Text.isASCIIUppercase(firstByte) || UTF8Text.isASCIIDigit(firstByte) else {
          return false
        }
      } else {
        guard let first = text.first, first.isUppercase || first.isNumber else { return false }
      }
      guard (words ?? measure(bytes, 0..<bytes.count).words) <= 12 else { return false }
      // The last word (after the last space): every continuation word is short ASCII.
      var wordStart = bytes.count
      while wordStart > 0, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
      return UTF8Text.shortWordKey(UnsafeBufferPointer(rebasing: bytes[wordStart...]))
        .map { !continuationKeys.contains($0) } ?? true
    }
    guard shaped else { return false }
    if let next, let nextByte = next.utf8.first {
      if nextByte < 0x80 {
        if UTF8Text.isASCIILowercase(nextByte) { return false }
      } else if let nextFirst = next.first, nextFirst.isLowercase {
        return false
      }
    }
    return true
  }

  static let continuationKeys = UTF8Text.shortWordKeys(continuationWords)

  /// Words a heading does not end on: the line goes on in the next one.
  static let continuationWords: Set<String> = [
    "the", "a", "an", "of", "by", "and", "or", "to", "in", "for", "with", "on", "at", "from",
    "is", "are", "was", "were", "that", "which", "de", "het", "een", "van", "en", "of", "in",
    "op", "voor", "met", "door", "te", "is", "zijn", "was", "waren", "dat", "die", "aan", "naar",
    "om", "als", "bij", "uit",
  ]
}
