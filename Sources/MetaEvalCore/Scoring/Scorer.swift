import Foundation

/// Scores documents against a rubric. Knows no criterion by name: everything it looks for
/// comes from the rubric's cues.
public struct Scorer: Sendable {
  public let rubric: Rubric

  public init(rubric: Rubric) {
    self.rubric = rubric
  }

  /// Scores one document. `language` overrides the detection.
  public func score(_ document: DocumentText, language: Language? = nil) -> ReportResult {
    score(Self.prepare(document, language: language))
  }

  /// What scoring needs of a document that no rubric changes (its lines, sentences and
  /// language), so that it can be made while the rubric is still being compiled.
  public static func prepare(_ document: DocumentText, language: Language? = nil)
    -> PreparedDocument
  {
    PreparedDocument(
      document: document, structure: DocumentStructure(pages: document.pages),
      language: language ?? Language.detect(pages: document.pages.prefix(20).map(\.text)))
  }

  /// Scores a prepared document.
  public func score(_ prepared: PreparedDocument) -> ReportResult {
    let document = prepared.document
    let structure = prepared.structure
    let detected = prepared.language
    let context = ScoringContext(rubric: rubric, structure: structure, language: detected)

    var results: [CriterionResult] = []
    let gates = rubric.criteria.filter(\.isGate).map { context.evaluate($0) }
    let failedGate = gates.first { $0.verdict == .no }
    for criterion in rubric.criteria {
      if let gate = gates.first(where: { $0.id == criterion.id }) {
        results.append(gate)
      } else if let failedGate {
        results.append(context.notApplicable(criterion, because: failedGate))
      } else {
        results.append(context.evaluate(criterion))
      }
    }
    let met = results.filter { $0.verdict == .yes }.count
    let required = results.filter(\.required)
    let requiredMet = required.filter { $0.verdict == .yes }.count
    return ReportResult(
      file: document.file, sha256: document.sha256, language: detected,
      pages: document.pages.count, ocrPages: document.pages.filter { $0.source == .ocr }.count,
      words: structure.wordCount,
      rubric: .init(id: rubric.id, version: rubric.version), criteria: results,
      score: .init(
        met: met, total: results.count, requiredMet: requiredMet, requiredTotal: required.count),
      passed: requiredMet == required.count)
  }

  /// Scores one criterion alone, without gates (for rubric examples).
  public func score(_ criterionID: String, in document: DocumentText, language: Language)
    -> CriterionResult?
  {
    guard let criterion = rubric.criterion(criterionID) else { return nil }
    let context = ScoringContext(
      rubric: rubric, structure: DocumentStructure(pages: document.pages), language: language)
    return context.evaluate(criterion)
  }
}

/// A document read into lines and sentences, with its language: ready for any rubric.
public struct PreparedDocument: Sendable {
  public let document: DocumentText
  let structure: DocumentStructure
  public let language: Language
}
