import Foundation

/// Scores the criteria of one rubric on one document in one language.
struct ScoringContext {
  let rubric: Rubric
  let structure: DocumentStructure
  let language: Language
  /// The sentences and the lines, each joined for matching once per pattern.
  let sentenceIndex: TextIndex
  let lineIndex: TextIndex
  /// The sentences naming a term of each criterion's vocabulary, by criterion, made once.
  private let namingTerms = NamingTerms()

  final class NamingTerms {
    var sentences: [String: Set<Int>] = [:]
  }

  init(rubric: Rubric, structure: DocumentStructure, language: Language) {
    self.rubric = rubric
    self.structure = structure
    self.language = language
    let literals = rubric.literals[language]
    sentenceIndex = TextIndex(
      units: structure.sentences.map(\.text), literals: literals?.sentences)
    lineIndex = TextIndex(units: structure.lines.map(\.text), literals: literals?.lines)
    sectionHeadings = Self.sectionHeadings(
      rubric: rubric, structure: structure, lines: lineIndex, language: language)
  }

  /// Lines where a section begins: heading-shaped, and numbered or named as a section.
  let sectionHeadings: Set<Int>

  static func sectionHeadings(
    rubric: Rubric, structure: DocumentStructure, lines: TextIndex, language: Language
  ) -> Set<Int> {
    var named = Set<Int>()
    var patterns = rubric.sectionHeadings[language, default: []]
    for criterion in rubric.criteria {
      for cue in criterion.cues where cue.kind == .heading {
        patterns += cue.patterns(for: language)
      }
    }
    for pattern in patterns { named.formUnion(lines.firstHits(pattern).keys) }
    var result = Set<Int>()
    for (index, line) in structure.lines.enumerated() where line.isHeadingShaped {
      if named.contains(index) || Self.isNumberedHeading(line.text) { result.insert(index) }
    }
    return result
  }

  /// A found piece of evidence with the weight of its cue.
  struct Finding {
    var weight: Double
    var evidence: Evidence
    var name: String?
    var count: Int?
    /// The sentences the finding stands for: a heading's section, or a sentence and the few
    /// after it. The criterion's vocabulary terms are looked for there.
    var sentences: Range<Int>? = nil
  }

  /// Pages and lines that count as the front of the document (title page, colophon, summary).
  static let frontPages = 2
  static let frontLines = 150
  /// Lines that count as the title and what stands beside it.
  static let titleLines = 12
  static let quoteLimit = 300

  func evaluate(_ criterion: Criterion) -> CriterionResult {
    if !criterion.dimensions.isEmpty { return evaluateDimensions(criterion) }
    var positives: [Finding] = []
    var negatives: [Finding] = []
    var counters: [Finding] = []
    var notes: [String] = []
    let placeholders = criterion.cues.filter { $0.kind == .placeholder }.flatMap {
      $0.patterns(for: language)
    }
    let negations = criterion.cues.filter { $0.kind == .negation }

    for cue in criterion.cues {
      let patterns = cue.patterns(for: language)
      switch cue.kind {
      case .heading:
        for (index, pattern) in firstPatternPerUnit(patterns, in: lineIndex) {
          let line = structure.lines[index]
          guard !line.isContents, inPlace(line: index, cue.place) else { continue }
          let section = sectionLines(after: index)
          let body = section.map(\.text).joined(separator: " ")
          let words = section.reduce(0) { $0 + $1.wordCount }
          if placeholders.contains(where: { $0.firstMatch(in: body) != nil }) {
            notes.append(
              "the section '\(line.text)' on page \(pageLabel(line.page)) holds only a placeholder")
            continue
          }
          if words < cue.minimumWords {
            notes.append("the section '\(line.text)' on page \(pageLabel(line.page)) is empty")
            continue
          }
          if let negation = firstNegation(in: body, cues: negations) {
            negatives.append(
              Finding(
                weight: negation.weight,
                evidence: evidence(
                  line.page, quote: negation.quote, kind: "negation", cue: negation.cue)))
            continue
          }
          if cue.requiresTerm && !mentionsTerm(body, of: criterion) { continue }
          if !cue.fitsContext(line.text + " " + body, language: language) { continue }
          let first = DocumentStructure.sentences(of: Array(section)).first?.text ?? ""
          positives.append(
            Finding(
              weight: cue.weight,
              evidence: evidence(
                line.page, quote: line.text + " — " + first, kind: "heading", cue: pattern.source),
              count: criterion.spec.countItems == true ? Self.numberedItems(in: section) : nil,
              sentences: sentences(inLines: index..<(section.endIndex))))
        }
      case .label:
        for (index, pattern) in firstPatternPerUnit(patterns, in: lineIndex) {
          let line = structure.lines[index]
          guard !line.isContents, inPlace(line: index, cue.place),
            let hit = lineIndex.firstHits(pattern)[index]
          else { continue }
          positives.append(
            Finding(
              weight: cue.weight,
              evidence: evidence(line.page, quote: line.text, kind: "label", cue: pattern.source),
              name: lineIndex.group("name", of: hit).flatMap(Self.cleanName)))
        }
      case .phrase, .negation, .counter:
        let hits = patterns.map { sentenceIndex.firstHits($0) }
        let candidates = Set(hits.flatMap(\.keys)).sorted()
        for sentenceIndex in candidates {
          let sentence = structure.sentences[sentenceIndex]
          guard !sentence.isContents || cue.place == .title, inPlace(line: sentence.line, cue.place)
          else { continue }
          for (patternIndex, pattern) in patterns.enumerated() {
            guard let hit = hits[patternIndex][sentenceIndex],
              cue.fitsContext(sentence.text, language: language)
            else { continue }
            if cue.kind == .phrase && cue.requiresTerm && !termFollows(sentenceIndex, of: criterion)
            {
              continue
            }
            let found = Finding(
              weight: cue.weight,
              evidence: evidence(
                sentence.page, quote: Self.clip(sentence.text, around: hit.range),
                kind: cue.kind.rawValue, cue: pattern.source),
              name: self.sentenceIndex.group("name", of: hit).flatMap(Self.cleanName),
              sentences:
                sentenceIndex..<min(structure.sentences.count, sentenceIndex + 1 + Self.termWindow))
            switch cue.kind {
            case .phrase: positives.append(found)
            case .negation: negatives.append(found)
            default: counters.append(found)
            }
            break
          }
        }
      case .placeholder:
        continue
      }
    }

    let positive = Self.combine(positives.map(\.weight))
    let negative = negatives.map(\.weight).max() ?? 0
    let counter = counters.map(\.weight).max() ?? 0
    let score = positive * (1 - negative) * (1 - counter)
    let verdict: Verdict = score >= criterion.threshold ? .yes : .no
    let ranked = Self.rank(positives)

    var result = CriterionResult(
      id: criterion.id, title: criterion.spec.title, required: criterion.isRequired,
      verdict: verdict,
      confidence: Self.round(verdict == .yes ? score : 1 - score), evidence: [], lookedFor: [],
      advice: nil, name: nil, count: nil, terms: [], dimensions: [], note: nil)
    if verdict == .yes {
      result.evidence = Array(ranked.prefix(3).map(\.evidence))
      if criterion.spec.extractName == true {
        result.name = ranked.first(where: { $0.name != nil })?.name
      }
      if criterion.spec.countItems == true {
        result.count = positives.compactMap(\.count).max()
      }
      // Techniques where the method is described; the whole text when no finding says where.
      let places = positives.compactMap(\.sentences)
      result.terms = findTerms(
        of: criterion, within: places.isEmpty ? nil : Set(places.flatMap { $0 }))
    } else {
      result.advice = criterion.advice(in: language)
      result.lookedFor = lookedFor(criterion)
      let reasons = Self.rank(negatives + counters).prefix(2)
      result.evidence = reasons.map(\.evidence)
      if !negatives.isEmpty {
        notes.insert("the document says it is not met", at: 0)
      } else if !counters.isEmpty {
        notes.insert("the document reads as something else", at: 0)
      } else if !positives.isEmpty {
        notes.insert("only weak signs (score \(Self.round(score)))", at: 0)
        result.evidence = Array(ranked.prefix(2).map(\.evidence))
      }
    }
    result.note = notes.isEmpty ? nil : Self.unique(notes).prefix(3).joined(separator: "; ")
    return result
  }

  /// A criterion that does not apply because a gate failed (not an evaluation at all).
  func notApplicable(_ criterion: Criterion, because gate: CriterionResult) -> CriterionResult {
    CriterionResult(
      id: criterion.id, title: criterion.spec.title, required: criterion.isRequired, verdict: .no,
      confidence: gate.confidence, evidence: [],
      lookedFor: ["not scored: '\(gate.title)' is not met"],
      advice: criterion.advice(in: language), name: nil, count: nil, terms: [],
      dimensions: criterion.dimensions.map {
        DimensionResult(
          id: $0.spec.id, title: $0.spec.title, verdict: .no, strength: 0, judgedSentences: 0,
          evidence: [])
      },
      note: "not applicable: \(gate.title.lowercased()) is not met")
  }

  // MARK: Sections, terms, evidence

  /// For each unit that any of the patterns matches, the first of them (in pattern order), by
  /// unit index in ascending order.
  func firstPatternPerUnit(_ patterns: [Pattern], in index: TextIndex) -> [(Int, Pattern)] {
    var first: [Int: Int] = [:]
    for (position, pattern) in patterns.enumerated() {
      for unit in index.firstHits(pattern).keys where first[unit] == nil { first[unit] = position }
    }
    return first.sorted { $0.key < $1.key }.map { ($0.key, patterns[$0.value]) }
  }

  /// The lines under a heading, up to the next heading or 80 lines.
  func sectionLines(after index: Int) -> ArraySlice<Line> {
    let lines = structure.lines
    var end = index + 1
    while end < lines.count && end - index <= 80 {
      if sectionHeadings.contains(end) { break }
      end += 1
    }
    return lines[(index + 1)..<end]
  }

  /// "3.2 Aanpak", "A. Scope", "Bijlage 2 Normenkader": a section number and a capital.
  static func isNumberedHeading(_ text: String) -> Bool {
    // Most headings start with a plain word: answered from the bytes of that word.
    let bytes = text.utf8
    if let first = bytes.first, first < 0x80, !UTF8Text.isASCIIDigit(first) {
      guard UTF8Text.isASCIIUppercase(first) || UTF8Text.isASCIILowercase(first) else {
        return false
      }
      let word = bytes.prefix { $0 != 0x20 }
      // "A." or a chapter word lead on; any other plain word does not.
      let isChapterWord =
        word.count >= 7 && word.count <= 9
        && ["hoofdstuk", "chapter", "bijlage", "appendix"].contains(
          UTF8Text.lowercasedASCIIString(word))
      if !(word.count == 2 && word.last == 0x2E) && !isChapterWord { return false }
    } else if let first = bytes.first, UTF8Text.isASCIIDigit(first),
      let answer = UTF8Text.withBytes(text, asciiNumberedHeading)
    {
      return answer
    }
    return characterNumberedHeading(text)
  }

  /// `isNumberedHeading` read on characters, for every line the byte readings leave open.
  static func characterNumberedHeading(_ text: String) -> Bool {
    let words = text.split(separator: " ", maxSplits: 2)
    guard words.count >= 2 else { return false }
    var numberWord = words[0]
    var titleWord = words[1]
    let lowered = numberWord.lowercased()
    if ["hoofdstuk", "chapter", "bijlage", "appendix"].contains(lowered) {
      guard words.count == 3, words[1].count <= 4 else { return false }
      numberWord = words[1]
      titleWord = Substring(words[2])
      guard numberWord.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == ":" }) else {
        return false
      }
      return titleWord.first?.isUppercase == true
    }
    let isSectionNumber =
      numberWord.first?.isNumber == true && numberWord.count <= 12
      && numberWord.allSatisfy { $0.isNumber || $0 == "." }
      || numberWord.count == 2 && numberWord.first!.isUppercase && numberWord.last == "."
    return isSectionNumber && titleWord.first?.isUppercase == true
  }

  /// `isNumberedHeading` of a line that starts with a digit, from its bytes: a section number
  /// of digits and dots (twelve at most) and a title word in capitals. Nil when a byte outside
  /// ASCII (in the number, or starting the title) needs the character reading.
  static func asciiNumberedHeading(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var end = 0
    var digitsAndDots = true
    while end < bytes.count, bytes[end] != 0x20 {
      let byte = bytes[end]
      guard byte < 0x80 else { return nil }
      if !UTF8Text.isASCIIDigit(byte) && byte != 0x2E { digitsAndDots = false }
      end += 1
    }
    var title = end
    while title < bytes.count, bytes[title] == 0x20 { title += 1 }
    guard title < bytes.count else { return false }
    guard bytes[title] < 0x80 else { return nil }
    return digitsAndDots && end <= 12 && UTF8Text.isASCIIUppercase(bytes[title])
  }

  func mentionsTerm(_ text: String, of criterion: Criterion) -> Bool {
    // The text indexed once: a term is looked for by its spellings or anchors, and the engine
    // runs only where one of them stands, instead of once per term over the whole text.
    let index = TextIndex(units: [text])
    return criterion.vocabulary.contains { term in
      term.patterns[language, default: []].contains { !index.firstHits($0).isEmpty }
    }
  }

  /// Sentences after a phrase that may hold its term: "This account is based on:" and a list.
  static let termWindow = 4

  /// True when the sentence, or one of the few after it on the same page, names a term.
  func termFollows(_ index: Int, of criterion: Criterion) -> Bool {
    let sentences = structure.sentences
    let page = sentences[index].page
    let end = min(sentences.count, index + 1 + Self.termWindow)
    let naming = sentencesNamingTerms(of: criterion)
    return (index..<end).contains { sentences[$0].page == page && naming.contains($0) }
  }

  /// The sentences that name a term of the criterion's vocabulary.
  func sentencesNamingTerms(of criterion: Criterion) -> Set<Int> {
    if let known = namingTerms.sentences[criterion.id] { return known }
    var result = Set<Int>()
    for term in criterion.vocabulary {
      for pattern in term.patterns[language, default: []] {
        result.formUnion(sentenceIndex.firstHits(pattern).keys)
      }
    }
    namingTerms.sentences[criterion.id] = result
    return result
  }

  /// The terms of the criterion's vocabulary that the document names, in vocabulary order.
  /// The sentences that start on the given lines.
  func sentences(inLines lines: Range<Int>) -> Range<Int> {
    let starts = structure.sentences.indices.filter { lines.contains(structure.sentences[$0].line) }
    guard let first = starts.first, let last = starts.last else { return 0..<0 }
    return first..<(last + 1)
  }

  func findTerms(of criterion: Criterion, within places: Set<Int>? = nil) -> [FoundTerm] {
    criterion.vocabulary.compactMap { term in
      let patterns = term.patterns[language, default: []]
      let hits = patterns.map { sentenceIndex.firstHits($0) }
      let first = Set(hits.flatMap(\.keys)).sorted().first {
        !structure.sentences[$0].isContents && (places?.contains($0) ?? true)
      }
      guard let index = first, let hit = hits.lazy.compactMap({ $0[index] }).first else {
        return nil
      }
      let sentence = structure.sentences[index]
      return FoundTerm(
        id: term.id, title: term.title,
        evidence: evidence(
          sentence.page, quote: Self.clip(sentence.text, around: hit.range), kind: "term",
          cue: term.id))
    }
  }

  func firstNegation(in text: String, cues: [Cue]) -> (weight: Double, quote: String, cue: String)?
  {
    for cue in cues {
      for pattern in cue.patterns(for: language) {
        if let match = pattern.firstMatch(in: text) {
          return (cue.weight, Self.clip(text, around: match.range), pattern.source)
        }
      }
    }
    return nil
  }

  func lookedFor(_ criterion: Criterion) -> [String] {
    criterion.cues.filter { [.heading, .phrase, .label].contains($0.kind) }.map { cue in
      let sources = cue.patterns(for: language).prefix(4).map(\.source)
      return "\(cue.kind.rawValue): " + sources.joined(separator: " | ")
    }
  }

  func inPlace(line index: Int, _ place: CueSpec.Place) -> Bool {
    switch place {
    case .anywhere: true
    case .front: structure.lines[index].page < Self.frontPages && index < Self.frontLines
    case .title: index < Self.titleLines && structure.lines[index].page == 0
    }
  }

  func pageLabel(_ page: Int) -> String { structure.pages[page].label }

  func evidence(_ page: Int, quote: String, kind: String, cue: String) -> Evidence {
    let source = structure.pages[page]
    return Evidence(
      page: source.index, pageLabel: source.label, quote: quote, kind: kind, cue: cue,
      source: source.source.rawValue, ocrConfidence: source.ocrConfidence)
  }

  // MARK: Helpers

  /// Noisy-or of the strongest three weights: independent signs add up, without one noisy
  /// cue that matches a hundred times deciding alone.
  static func combine(_ weights: [Double]) -> Double {
    1 - weights.sorted(by: >).prefix(3).reduce(1.0) { $0 * (1 - $1) }
  }

  static func rank(_ findings: [Finding]) -> [Finding] {
    var seen = Set<String>()
    return findings.sorted {
      ($0.weight, -$0.evidence.page) > ($1.weight, -$1.evidence.page)
    }.filter { seen.insert($0.evidence.quote).inserted }
  }

  /// Numbered items under a heading: "1.", "2)", "Aanbeveling 3". The count is the length of
  /// the run 1, 2, 3, ... found.
  static func numberedItems(in section: ArraySlice<Line>) -> Int? {
    var numbers = Set<Int>()
    for line in section {
      if let match = itemNumber.firstMatch(
        in: line.text, range: NSRange(line.text.startIndex..., in: line.text)),
        let range = Range(match.range(at: 1), in: line.text), let number = Int(line.text[range])
      {
        numbers.insert(number)
      }
    }
    var count = 0
    while numbers.contains(count + 1) { count += 1 }
    return count > 0 ? count : nil
  }

  static let itemNumber = try! NSRegularExpression(
    pattern: #"^\s*(?:(?:aanbeveling|recommendation|advies|advice)\s+)?(\d{1,2})[.):]\s"#,
    options: [.caseInsensitive])

  /// The text of the named group `name`, or of `name2` ... `name9` (a pattern with several
  /// alternatives needs a distinct group name in each).
  static func group(_ name: String, of match: NSTextCheckingResult, in text: String) -> String? {
    for candidate in [name] + (2...9).map({ "\(name)\($0)" }) {
      let range = Self.range(withName: candidate, in: match)
      guard let range, range.location != NSNotFound, let swiftRange = Range(range, in: text) else {
        continue
      }
      return String(text[swiftRange])
    }
    return nil
  }

  /// `range(withName:)` raises when the pattern has no such group; ask only for groups it has.
  static func range(withName name: String, in match: NSTextCheckingResult) -> NSRange? {
    guard let pattern = match.regularExpression?.pattern,
      UTF8Text.contains(pattern, "(?<" + name + ">")
    else {
      return nil
    }
    return match.range(withName: name)
  }

  /// Pronouns are who asked, but not a name.
  static let pronouns: Set<String> = [
    "you", "we", "they", "he", "she", "it", "i", "u", "wij", "we", "zij", "ze", "hij", "jij", "ik",
  ]

  static func cleanName(_ raw: String) -> String? {
    var name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if pronouns.contains(name.lowercased()) { return nil }
    while let last = name.last, ".,;:()\"'’”".contains(last) { name.removeLast() }
    while let first = name.first, "(\"'‘“".contains(first) { name.removeFirst() }
    let words = name.split(separator: " ")
    if words.count > 14 { name = words.prefix(14).joined(separator: " ") }
    return name
  }

  /// The sentence, or a window of it around the match when it is long.
  static func clip(_ text: String, around range: NSRange) -> String {
    guard text.count > quoteLimit, let match = Range(range, in: text) else { return text }
    let before = text[..<match.lowerBound].suffix(quoteLimit / 3)
    let rest = text[match.lowerBound...].prefix(quoteLimit - before.count)
    return (before.count < text[..<match.lowerBound].count ? "…" : "") + before + rest
      + (rest.endIndex < text.endIndex ? "…" : "")
  }

  static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }

  static func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
