/// The judgement on one scope dimension (product, process, people).
public struct DimensionResult: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var verdict: Verdict
  /// 0...1: how strongly the document judges this dimension.
  public var strength: Double
  /// Sentences that judge the dimension.
  public var judgedSentences: Int
  public var evidence: [Evidence]

  enum CodingKeys: String, CodingKey {
    case id, title, verdict, strength, evidence
    case judgedSentences = "judged_sentences"
  }
}

/// A found term of a vocabulary (a technique), with where it was first seen.
public struct FoundTerm: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var evidence: Evidence
}

/// The judgement on one criterion, with its evidence or what was looked for.
public struct CriterionResult: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var required: Bool
  public var verdict: Verdict
  /// 0...1: how sure the engine is of the verdict.
  public var confidence: Double
  public var evidence: [Evidence]
  /// For a `no`: what was looked for.
  public var lookedFor: [String]
  /// The advice to give when the criterion is not met.
  public var advice: String?
  /// The extracted name (the commissioner).
  public var name: String?
  /// Counted numbered items (recommendations).
  public var count: Int?
  public var terms: [FoundTerm]
  public var dimensions: [DimensionResult]
  /// Why the verdict is what it is when that is not plain from the evidence.
  public var note: String?

  enum CodingKeys: String, CodingKey {
    case id, title, required, verdict, confidence, evidence, advice, name, count, terms,
      dimensions, note
    case lookedFor = "looked_for"
  }
}
