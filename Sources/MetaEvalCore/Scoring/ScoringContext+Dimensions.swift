import Foundation

extension ScoringContext {
  /// Scores a criterion made of dimensions (scope): each dimension counts the sentences that
  /// name it and judge it. The criterion is met when every dimension is.
  func evaluateDimensions(_ criterion: Criterion) -> CriterionResult {
    let judgement = rubric.judgement[language, default: []]
    var results: [DimensionResult] = []
    let exclusions = criterion.exclusions[language, default: []]
    var judged = Set<Int>()
    for pattern in judgement { judged.formUnion(sentenceIndex.firstHits(pattern).keys) }
    for pattern in exclusions { judged.subtract(sentenceIndex.firstHits(pattern).keys) }
    judged = judged.filter { !structure.sentences[$0].isContents }
    for dimension in criterion.dimensions {
      let patterns = dimension.patterns[language, default: []]
      let hitsPerPattern = patterns.map { sentenceIndex.firstHits($0) }
      var hits: [Evidence] = []
      var count = 0
      for index in judged.sorted() {
        guard let hit = hitsPerPattern.lazy.compactMap({ $0[index] }).first else { continue }
        let sentence = structure.sentences[index]
        count += 1
        if hits.count < 3 {
          hits.append(
            evidence(
              sentence.page, quote: Self.clip(sentence.text, around: hit.range), kind: "judged",
              cue: dimension.spec.id))
        }
      }
      let density = dimension.spec.perThousandWords ?? 0.5
      let needed = max(
        1, dimension.spec.minimumSentences ?? 2,
        Int((density * Double(structure.wordCount) / 1000).rounded(.up)))
      results.append(
        DimensionResult(
          id: dimension.spec.id, title: dimension.spec.title, verdict: count >= needed ? .yes : .no,
          strength: Self.round(min(1, Double(count) / Double(2 * needed))), judgedSentences: count,
          evidence: hits))
    }
    let allMet = results.allSatisfy { $0.verdict == .yes }
    let missing = results.filter { $0.verdict == .no }.map(\.title)
    return CriterionResult(
      id: criterion.id, title: criterion.spec.title, required: criterion.isRequired,
      verdict: allMet ? .yes : .no,
      confidence: Self.round(
        results.map { $0.verdict == .yes ? 0.5 + $0.strength / 2 : 1 - $0.strength / 2 }.min() ?? 0),
      evidence: results.flatMap { $0.evidence.prefix(1) },
      lookedFor: allMet ? [] : missing.map { "judgements of \($0.lowercased())" },
      advice: allMet ? nil : criterion.advice(in: language), name: nil, count: nil, terms: [],
      dimensions: results, note: allMet ? nil : "not judged: " + missing.joined(separator: ", "))
  }
}
