import Foundation
import Yams

/// Checks a decoded rubric and compiles its patterns, reporting problems with file, line and
/// criterion.
struct RubricCompiler {
  let spec: RubricSpec
  let path: String
  let locator: NodeLocator

  /// The branches of the rubric's patterns, compiled ahead on every core.
  let table: BranchTable

  init(spec: RubricSpec, path: String, root: Node) {
    self.spec = spec
    self.path = path
    self.locator = NodeLocator(root: root)
    self.table = BranchTable(Self.jobs(spec))
  }

  /// Every branch the compiler will ask for, with the shape its pattern list gives it.
  static func jobs(_ spec: RubricSpec) -> [BranchTable.Job] {
    var lists: [([String: [String]], (String) -> String)] = [
      (spec.judgementTerms ?? [:], word), (spec.sectionHeadings ?? [:], heading),
    ]
    for vocabulary in spec.vocabularies ?? [] {
      lists += vocabulary.terms.map { ($0.patterns, word) }
    }
    for criterion in spec.criteria {
      for cue in criterion.cues ?? [] {
        lists.append((cue.patterns, wrapper(for: cue.kind)))
        lists += [(cue.context ?? [:], word), (cue.unless ?? [:], word)]
      }
      lists += (criterion.dimensions ?? []).map { ($0.terms, word) }
      lists.append((criterion.exclude ?? [:], { $0 }))
    }
    return lists.flatMap { patterns, wrap in
      patterns.values.joined().flatMap { source in
        LiteralAnchors.branches(of: source).map {
          BranchTable.Job(alternative: $0, wrapped: wrap($0))
        }
      }
    }
  }

  /// How a cue's patterns are wrapped: headings and labels take the whole line.
  static func wrapper(for kind: CueSpec.Kind) -> (String) -> String {
    switch kind {
    case .heading: heading
    case .label: label
    default: { $0 }
    }
  }

  static let languageKeys: Set<String> = ["nl", "en", "any"]

  func compile() throws(RubricError) -> Rubric {
    try checkIdentifier(spec.id, at: [PathKey("id")], criterion: nil)
    var seen = Set<String>()
    var vocabularies: [String: [Term]] = [:]
    for (index, vocabulary) in (spec.vocabularies ?? []).enumerated() {
      let base: [CodingKey] = [PathKey("vocabularies"), PathKey(index)]
      var terms: [Term] = []
      for (termIndex, term) in vocabulary.terms.enumerated() {
        let at = base + [PathKey("terms"), PathKey(termIndex)]
        try checkIdentifier(term.id, at: at + [PathKey("id")], criterion: nil)
        terms.append(
          Term(
            id: term.id, title: term.title,
            patterns: try compile(
              term.patterns, at: at + [PathKey("patterns")], criterion: vocabulary.id,
              wrap: Self.word)))
      }
      vocabularies[vocabulary.id] = terms
    }
    var criteria: [Criterion] = []
    for (index, criterion) in spec.criteria.enumerated() {
      let base: [CodingKey] = [PathKey("criteria"), PathKey(index)]
      try checkIdentifier(criterion.id, at: base + [PathKey("id")], criterion: criterion.id)
      guard seen.insert(criterion.id).inserted else {
        throw fieldError(base + [PathKey("id")], criterion.id, "the id is used twice")
      }
      try checkSentence(
        criterion.description, at: base + [PathKey("description")], criterion: criterion.id)
      for language in ["nl", "en"] where (criterion.advice[language] ?? "").isEmpty {
        throw fieldError(
          base + [PathKey("advice")], criterion.id, "advice in '\(language)' is missing")
      }
      var cues: [Cue] = []
      for (cueIndex, cue) in (criterion.cues ?? []).enumerated() {
        let at = base + [PathKey("cues"), PathKey(cueIndex)]
        let weight = cue.weight ?? 0.8
        guard (0...1).contains(weight) else {
          throw fieldError(at + [PathKey("weight")], criterion.id, "weight must be between 0 and 1")
        }
        let wrap = Self.wrapper(for: cue.kind)
        cues.append(
          Cue(
            kind: cue.kind, weight: weight, place: cue.place ?? .anywhere,
            minimumWords: cue.minimumWords ?? 8, requiresTerm: cue.requiresTerm ?? false,
            patterns: try compile(
              cue.patterns, at: at + [PathKey("patterns")], criterion: criterion.id, wrap: wrap),
            context: try compile(
              cue.context ?? [:], at: at + [PathKey("context")], criterion: criterion.id,
              wrap: Self.word),
            unless: try compile(
              cue.unless ?? [:], at: at + [PathKey("unless")], criterion: criterion.id,
              wrap: Self.word)))
      }
      var terms: [Term] = []
      if let vocabulary = criterion.vocabulary {
        guard let found = vocabularies[vocabulary] else {
          throw fieldError(
            base + [PathKey("vocabulary")], criterion.id,
            "no vocabulary '\(vocabulary)' in this rubric")
        }
        terms = found
      }
      var dimensions: [Dimension] = []
      for (dimensionIndex, dimension) in (criterion.dimensions ?? []).enumerated() {
        let at = base + [PathKey("dimensions"), PathKey(dimensionIndex)]
        try checkIdentifier(dimension.id, at: at + [PathKey("id")], criterion: criterion.id)
        dimensions.append(
          Dimension(
            spec: dimension,
            patterns: try compile(
              dimension.terms, at: at + [PathKey("terms")], criterion: criterion.id, wrap: Self.word
            )))
      }
      try checkExamples(criterion, at: base)
      let exclusions = try compile(
        criterion.exclude ?? [:], at: base + [PathKey("exclude")], criterion: criterion.id,
        wrap: { $0 })
      criteria.append(
        Criterion(
          spec: criterion, cues: cues, vocabulary: terms, dimensions: dimensions,
          exclusions: exclusions))
    }
    let judgement = try compile(
      spec.judgementTerms ?? [:], at: [PathKey("judgement_terms")], criterion: "judgement_terms",
      wrap: Self.word)
    let sections = try compile(
      spec.sectionHeadings ?? [:], at: [PathKey("section_headings")], criterion: "section_headings",
      wrap: Self.heading)
    return Rubric(
      spec: spec, path: path, criteria: criteria, judgement: judgement, sectionHeadings: sections)
  }

  // MARK: Pattern shapes

  /// A heading: the whole line, after an optional section number, with an optional colon.
  static func heading(_ pattern: String) -> String {
    #"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.|(?:hoofdstuk|chapter|bijlage|appendix|annex)\s+[A-Z0-9]{1,3}[.:]?)\s+)?(?:"#
      + pattern + #")\s*[:.]?\s*$"#
  }

  /// A label at the start of a line, its value (the name) after a colon, or after a space
  /// when it starts with a capital (a table cell: "Klant Ministerie van ...", but not
  /// "Opdrachtgever van het project is ...").
  static func label(_ pattern: String) -> String {
    #"^\s*[-•*]?\s*(?:"# + pattern
      + #")\s*(?::\s*|\s+(?=(?-i:[A-Z0-9À-ÖØ-Þ])))(?<name>\S.{1,120}?)\s*$"#
  }

  /// Every way the compiler wraps a pattern (the last: as it is).
  static let wrappers: [@Sendable (String) -> String] = [word, heading, label, { $0 }]

  /// A term as a whole word (or words).
  static func word(_ pattern: String) -> String {
    // \w is one of the engine's prebuilt sets; \p{L} would be built anew for every pattern.
    #"(?<!\w)(?:"# + pattern + #")(?!\w)"#
  }

  // MARK: Checks

  func compile(
    _ patterns: [String: [String]], at path: [CodingKey], criterion: String,
    wrap: (String) -> String
  ) throws(RubricError) -> [Language: [Pattern]] {
    var compiled: [Language: [Pattern]] = [:]
    for (key, list) in patterns.sorted(by: { $0.key < $1.key }) {
      guard Self.languageKeys.contains(key) else {
        throw fieldError(
          path + [PathKey(key)], criterion, "unknown language '\(key)' (use nl, en or any)")
      }
      for (index, source) in list.enumerated() {
        var branches: [Pattern.Branch] = []
        for alternative in LiteralAnchors.branches(of: source) {
          do {
            let job = BranchTable.Job(alternative: alternative, wrapped: wrap(alternative))
            branches.append(try table.branch(job) ?? BranchTable.compile(job))
          } catch {
            throw .invalidPattern(
              path: self.path, line: locator.line(of: path + [PathKey(key), PathKey(index)]),
              criterion: criterion, pattern: source, problem: "invalid regular expression")
          }
        }
        let pattern = Pattern(source, branches: branches)
        let languages: [Language] = key == "any" ? Language.allCases : [Language(rawValue: key)!]
        for language in languages { compiled[language, default: []].append(pattern) }
      }
    }
    return compiled
  }

  func checkIdentifier(_ id: String, at path: [CodingKey], criterion: String?) throws(RubricError) {
    let valid =
      !id.isEmpty && id.first!.isLowercase
      && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    if !valid { throw fieldError(path, criterion, "'\(id)' is not a snake_case id") }
  }

  func checkSentence(_ text: String, at path: [CodingKey], criterion: String) throws(RubricError) {
    guard let first = text.first, first.isUppercase, text.hasSuffix(".") else {
      throw fieldError(
        path, criterion, "the description must be a sentence (a capital first, a full stop last)")
    }
  }

  func checkExamples(_ criterion: CriterionSpec, at base: [CodingKey]) throws(RubricError) {
    for language in Language.allCases {
      for expectation in [ExampleSpec.Expectation.met, .notMet]
      where !criterion.examples.contains(where: { $0.lang == language && $0.expect == expectation })
      {
        throw fieldError(
          base + [PathKey("examples")], criterion.id,
          "needs a '\(expectation.rawValue)' example in '\(language.rawValue)'")
      }
    }
    for (index, example) in criterion.examples.enumerated() where example.expect == .met {
      if criterion.dimensions == nil, !(example.text.contains("[[") && example.text.contains("]]"))
      {
        throw fieldError(
          base + [PathKey("examples"), PathKey(index)], criterion.id,
          "a 'met' example must mark its evidence with [[...]]")
      }
    }
  }

  func fieldError(_ path: [CodingKey], _ criterion: String?, _ problem: String) -> RubricError {
    .invalidField(
      path: self.path, line: locator.line(of: path), criterion: criterion, problem: problem)
  }
}
