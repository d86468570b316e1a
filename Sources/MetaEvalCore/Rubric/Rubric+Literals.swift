/// The literals of a rubric's patterns that the text indexes of a document look up, for one
/// language: those matched against lines and those matched against sentences.
struct IndexLiterals: Sendable {
  let lines: PairIndex.Literals
  let sentences: PairIndex.Literals
}

extension Rubric {
  /// The literals per language (see `PairIndex`), sorted and without repeats. They must
  /// follow `ScoringContext`: which patterns it matches against lines (section headings,
  /// heading and label cues) and which against sentences (the rest). A pattern left out costs
  /// only speed: its literals are then looked for in the whole text.
  static func indexLiterals(
    criteria: [Criterion], judgement: [Language: [Pattern]],
    sectionHeadings: [Language: [Pattern]]
  ) -> [Language: IndexLiterals] {
    var result: [Language: IndexLiterals] = [:]
    for language in Language.allCases {
      var lines = sectionHeadings[language, default: []]
      var sentences = judgement[language, default: []]
      for criterion in criteria {
        for cue in criterion.cues {
          switch cue.kind {
          case .heading, .label: lines += cue.patterns(for: language)
          case .phrase, .negation, .counter: sentences += cue.patterns(for: language)
          case .placeholder: continue
          }
        }
        sentences += criterion.vocabulary.flatMap { $0.patterns[language, default: []] }
        sentences += criterion.dimensions.flatMap { $0.patterns[language, default: []] }
        sentences += criterion.exclusions[language, default: []]
      }
      result[language] = IndexLiterals(
        lines: PairIndex.Literals(literals(of: lines)),
        sentences: PairIndex.Literals(literals(of: sentences)))
    }
    return result
  }

  /// The word spellings and anchors of the patterns' branches.
  private static func literals(of patterns: [Pattern]) -> [[UInt8]] {
    var found = Set<[UInt8]>()
    for branch in patterns.flatMap(\.branches) {
      if let words = branch.words {
        found.formUnion(words.spellings)
      } else if let anchors = branch.anchors {
        found.formUnion(anchors.map { Array($0.utf8) })
      }
    }
    return found.sorted { $0.lexicographicallyPrecedes($1) }
  }
}
