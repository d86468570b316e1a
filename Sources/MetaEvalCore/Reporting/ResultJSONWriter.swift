/// Writes a `ReportResult` as the one line of JSON that `JSONEncoder` makes of it with sorted
/// keys and unescaped slashes, byte for byte, without going through `Encodable`: a corpus run
/// writes a line per document, and the encoder's containers took a third of the time a warm
/// run spent handing outcomes over. Keys are written in the encoder's sorted order, absent
/// optionals are left out as the synthesised conformances leave them out, and numbers are
/// spelled as the encoder spells them. Tests hold it to `JSONEncoder` on scored corpora and on
/// strings with every control character.
struct ResultJSONWriter {
  private(set) var bytes: [UInt8] = []

  /// The line, or nil when a number is not finite (the encoder then says why it cannot).
  static func line(_ result: ReportResult) -> String? {
    var writer = ResultJSONWriter()
    writer.bytes.reserveCapacity(4096)
    guard writer.write(result) else { return nil }
    writer.bytes.append(0x0A)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  private mutating func write(_ result: ReportResult) -> Bool {
    open()
    key("criteria", first: true)
    guard array(result.criteria, { $0.write($1) }) else { return false }
    field("file", result.file)
    field("language", result.language.rawValue)
    field("ocr_pages", integer: result.ocrPages)
    field("pages", integer: result.pages)
    key("passed")
    boolean(result.passed)
    key("rubric")
    open()
    field("id", result.rubric.id, first: true)
    field("version", integer: result.rubric.version)
    close()
    key("score")
    open()
    field("met", integer: result.score.met, first: true)
    field("required_met", integer: result.score.requiredMet)
    field("required_total", integer: result.score.requiredTotal)
    field("total", integer: result.score.total)
    close()
    field("sha256", result.sha256)
    field("words", integer: result.words)
    close()
    return true
  }

  private mutating func write(_ criterion: CriterionResult) -> Bool {
    open()
    var first = true
    if let advice = criterion.advice {
      field("advice", advice, first: true)
      first = false
    }
    key("confidence", first: first)
    guard number(criterion.confidence) else { return false }
    if let count = criterion.count {
      field("count", integer: count)
    }
    key("dimensions")
    guard array(criterion.dimensions, { $0.write($1) }) else { return false }
    key("evidence")
    guard array(criterion.evidence, { $0.write($1) }) else { return false }
    field("id", criterion.id)
    key("looked_for")
    bytes.append(0x5B)
    for (index, text) in criterion.lookedFor.enumerated() {
      if index > 0 { bytes.append(0x2C) }
      string(text)
    }
    bytes.append(0x5D)
    if let name = criterion.name {
      field("name", name)
    }
    if let note = criterion.note {
      field("note", note)
    }
    key("required")
    boolean(criterion.required)
    key("terms")
    guard array(criterion.terms, { $0.write($1) }) else { return false }
    field("title", criterion.title)
    field("verdict", criterion.verdict.rawValue)
    close()
    return true
  }

  private mutating func write(_ dimension: DimensionResult) -> Bool {
    open()
    key("evidence", first: true)
    guard array(dimension.evidence, { $0.write($1) }) else { return false }
    field("id", dimension.id)
    field("judged_sentences", integer: dimension.judgedSentences)
    key("strength")
    guard number(dimension.strength) else { return false }
    field("title", dimension.title)
    field("verdict", dimension.verdict.rawValue)
    close()
    return true
  }

  private mutating func write(_ term: FoundTerm) -> Bool {
    open()
    key("evidence", first: true)
    guard write(term.evidence) else { return false }
    field("id", term.id)
    field("title", term.title)
    close()
    return true
  }

  private mutating func write(_ evidence: Evidence) -> Bool {
    open()
    field("cue", evidence.cue, first: true)
    field("kind", evidence.kind)
    if let confidence = evidence.ocrConfidence {
      key("ocr_confidence")
      guard number(confidence) else { return false }
    }
    field("page", integer: evidence.page)
    field("page_label", evidence.pageLabel)
    field("quote", evidence.quote)
    field("source", evidence.source)
    close()
    return true
  }

  private mutating func array<Element>(
    _ elements: [Element], _ write: (inout ResultJSONWriter, Element) -> Bool
  ) -> Bool {
    bytes.append(0x5B)
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes.append(0x2C) }
      guard write(&self, element) else { return false }
    }
    bytes.append(0x5D)
    return true
  }

  /// A key and its string value.
  private mutating func field(_ name: StaticString, _ text: String, first: Bool = false) {
    key(name, first: first)
    string(text)
  }

  /// A key and its integer value.
  private mutating func field(_ name: StaticString, integer value: Int, first: Bool = false) {
    key(name, first: first)
    integer(value)
  }

  private mutating func open() { bytes.append(0x7B) }
  private mutating func close() { bytes.append(0x7D) }

  /// A key and its colon, after a comma unless it is the object's first.
  private mutating func key(_ name: StaticString, first: Bool = false) {
    if !first { bytes.append(0x2C) }
    bytes.append(0x22)
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(0x22)
    bytes.append(0x3A)
  }

  private mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  private mutating func boolean(_ value: Bool) {
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// As the encoder spells a `Double`: its description, without a trailing ".0".
  private mutating func number(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
    return true
  }

  /// A string as the encoder escapes it: quote, backslash, and the control characters
  /// (\b \f \n \r \t by name, the rest as \u00XX); slashes and all else as they are. The
  /// runs between escapes are copied whole.
  private mutating func string(_ text: String) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        escape(byte)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(0x22)
  }

  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case 0x22: bytes += [0x5C, 0x22]
    case 0x5C: bytes += [0x5C, 0x5C]
    case 0x08: bytes += [0x5C, 0x62]
    case 0x0C: bytes += [0x5C, 0x66]
    case 0x0A: bytes += [0x5C, 0x6E]
    case 0x0D: bytes += [0x5C, 0x72]
    case 0x09: bytes += [0x5C, 0x74]
    default:
      let hex = Array("0123456789abcdef".utf8)
      bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
    }
  }
}
