import Foundation

/// A compiled regular expression with the text it came from.
///
/// Kept as its top-level alternatives, each compiled alone with its own literal anchors: a
/// sentence is only tried against the alternatives whose anchors it holds, and each try is a
/// small expression instead of one with fifteen branches.
public struct Pattern: @unchecked Sendable {
  // NSRegularExpression is immutable once made and safe to match from several threads.
  public let source: String
  let branches: [Branch]

  struct Branch {
    /// The expression, compiled when first asked for (see `LazyRegex`).
    var regex: NSRegularExpression { lazyRegex.regex }
    let lazyRegex: LazyRegex
    /// Lower-cased literals of which every match holds one, or nil (see `LiteralAnchors`).
    let anchors: [String]?
    /// The spellings of a whole-word term, matched without the engine (see `WordLiterals`).
    var words: WordLiterals? = nil
    /// How a line must start or end for a pattern tied to one (see `LineShape`).
    var shape: LineShape? = nil

    init(
      regex: LazyRegex, anchors: [String]?, words: WordLiterals? = nil, shape: LineShape? = nil
    ) {
      self.lazyRegex = regex
      self.anchors = anchors
      self.words = words
      self.shape = shape
    }

    init(
      regex: NSRegularExpression, anchors: [String]?, words: WordLiterals? = nil,
      shape: LineShape? = nil
    ) {
      self.init(regex: LazyRegex(regex), anchors: anchors, words: words, shape: shape)
    }
  }

  init(_ source: String, branches: [Branch]) {
    self.source = source
    self.branches = branches
  }

  /// The earliest match of any alternative (the first alternative on a tie), as one
  /// expression would find it.
  func firstMatch(in text: String) -> NSTextCheckingResult? {
    var best: NSTextCheckingResult?
    let range = NSRange(text.startIndex..., in: text)
    for branch in branches {
      guard let match = branch.regex.firstMatch(in: text, range: range) else { continue }
      if best == nil || match.range.location < best!.range.location { best = match }
    }
    return best
  }
}

/// A cue with its patterns compiled per language.
public struct Cue: Sendable {
  public let kind: CueSpec.Kind
  public let weight: Double
  public let place: CueSpec.Place
  public let minimumWords: Int
  public let requiresTerm: Bool
  let patterns: [Language: [Pattern]]
  /// Empty when the cue needs no context.
  let context: [Language: [Pattern]]
  /// Empty when nothing disqualifies a match.
  let unless: [Language: [Pattern]]

  public func patterns(for language: Language) -> [Pattern] { patterns[language] ?? [] }

  /// True when the text matches one of the cue's context patterns (if it has any) and none
  /// of its `unless` patterns.
  func fitsContext(_ text: String, language: Language) -> Bool {
    if let patterns = unless[language], patterns.contains(where: { $0.firstMatch(in: text) != nil })
    {
      return false
    }
    guard let patterns = context[language], !patterns.isEmpty else { return true }
    return patterns.contains { $0.firstMatch(in: text) != nil }
  }
}

/// A term of a vocabulary (a technique), with its patterns per language.
public struct Term: Sendable {
  public let id: String
  public let title: String
  let patterns: [Language: [Pattern]]
}

/// A scope dimension with its term patterns per language.
public struct Dimension: Sendable {
  public let spec: DimensionSpec
  let patterns: [Language: [Pattern]]
}

/// A criterion ready to score.
public struct Criterion: Sendable {
  public let spec: CriterionSpec
  public let cues: [Cue]
  public let vocabulary: [Term]
  public let dimensions: [Dimension]
  let exclusions: [Language: [Pattern]]

  public var id: String { spec.id }
  public var isRequired: Bool { spec.required ?? true }
  public var isGate: Bool { spec.gate ?? false }
  public var threshold: Double { spec.threshold ?? 0.5 }

  public func advice(in language: Language) -> String {
    spec.advice[language.rawValue] ?? spec.advice["en"] ?? ""
  }
}

/// A loaded, validated rubric with compiled patterns.
public struct Rubric: Sendable {
  public let spec: RubricSpec
  /// Where it was loaded from, as given (used in messages only).
  public let path: String
  public let criteria: [Criterion]
  let judgement: [Language: [Pattern]]
  let sectionHeadings: [Language: [Pattern]]
  /// The literals a document's text indexes look up, per language (see `PairIndex`).
  let literals: [Language: IndexLiterals]

  init(
    spec: RubricSpec, path: String, criteria: [Criterion], judgement: [Language: [Pattern]],
    sectionHeadings: [Language: [Pattern]]
  ) {
    self.spec = spec
    self.path = path
    self.criteria = criteria
    self.judgement = judgement
    self.sectionHeadings = sectionHeadings
    self.literals = Self.indexLiterals(
      criteria: criteria, judgement: judgement, sectionHeadings: sectionHeadings)
  }

  public var id: String { spec.id }
  public var version: Int { spec.version }

  public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }
}
