import Foundation

/// The agreement of two or more codings, per criterion, with the disagreements to settle.
public struct AgreementReport: Sendable, Codable {
  public struct CriterionPair: Sendable, Codable {
    public var criterion: String
    public var result: AgreementStatistics.PairResult
  }

  public struct CriterionAlpha: Sendable, Codable {
    public var criterion: String
    /// Units with at least two values.
    public var units: Int
    public var alpha: Double?
  }

  public struct PairwiseKappa: Sendable, Codable {
    public var criterion: String
    public var first: Int
    public var second: Int
    public var kappa: Double?
  }

  public struct Disagreement: Sendable, Codable {
    public var criterion: String
    public var file: String
    /// Each coding's value: yes, no or empty.
    public var values: [String]
    /// The evidence of a metaeval run's verdict, where one side is a run.
    public var evidence: String?
  }

  public var codings: [String]
  public var criteria: [String]
  /// Documents of the first coding found in every other coding.
  public var matched: Int
  public var warnings: [String]
  public var pairs: [CriterionPair]
  public var alphas: [CriterionAlpha]
  public var pairwise: [PairwiseKappa]
  public var disagreements: [Disagreement]

  public static func compare(_ codings: [CodingFile], criteria requested: [String]? = nil)
    throws(AgreementError)
    -> AgreementReport
  {
    guard codings.count >= 2 else { throw .tooFew }
    let criteria: [String]
    if let requested {
      for coding in codings {
        for criterion in requested where !coding.columns.contains(criterion) {
          throw .missingCriterion(path: coding.path, criterion: criterion)
        }
      }
      criteria = requested
    } else {
      let common = codings.dropFirst().reduce(Set(codings[0].columns)) {
        $0.intersection($1.columns)
      }
      let known = CodingFile.knownCriteria.filter(common.contains)
      criteria = known + codings[0].columns.filter { common.contains($0) && !known.contains($0) }
      guard !criteria.isEmpty else { throw .noCommonCriteria(paths: codings.map(\.path)) }
    }
    var warnings: [String] = []
    for coding in codings where !coding.duplicates.isEmpty {
      warnings.append(
        "\(coding.path): \(coding.duplicates.count) file(s) listed twice, the later rows ignored: \(coding.duplicates.prefix(3).joined(separator: ", "))"
      )
    }
    // Align every coding to the first: by relative path, else by file name when that is unique.
    let reference = codings[0]
    var alignment: [[String?]] = []  // [coding][reference file index] -> the coding's file
    for coding in codings {
      if coding.path == reference.path && alignment.isEmpty {
        alignment.append(reference.files.map { $0 })
        continue
      }
      let byName = Dictionary(grouping: coding.files, by: { ($0 as NSString).lastPathComponent })
      var used = Set<String>()
      var row: [String?] = []
      for file in reference.files {
        if coding.values[file] != nil {
          row.append(file)
          used.insert(file)
        } else if let candidates = byName[(file as NSString).lastPathComponent],
          candidates.count == 1
        {
          row.append(candidates[0])
          used.insert(candidates[0])
        } else {
          if let candidates = byName[(file as NSString).lastPathComponent], candidates.count > 1 {
            warnings.append(
              "\(coding.path): '\(file)' matches \(candidates.count) rows by file name; left out")
          }
          row.append(nil)
        }
      }
      let unmatched = coding.files.filter { !used.contains($0) }
      if !unmatched.isEmpty {
        warnings.append(
          "\(coding.path): \(unmatched.count) row(s) match no document of \(reference.path): \(unmatched.prefix(3).joined(separator: ", "))"
        )
      }
      let missing = row.filter { $0 == nil }.count
      if missing > 0 {
        warnings.append("\(coding.path): \(missing) document(s) of \(reference.path) not found")
      }
      alignment.append(row)
    }
    let matched = reference.files.indices.filter { index in
      alignment.allSatisfy { $0[index] != nil }
    }.count

    func value(_ coding: Int, _ index: Int, _ criterion: String) -> Bool? {
      guard let file = alignment[coding][index] else { return nil }
      return codings[coding].values[file]?[criterion] ?? nil
    }

    var pairs: [CriterionPair] = []
    var alphas: [CriterionAlpha] = []
    var pairwise: [PairwiseKappa] = []
    var disagreements: [Disagreement] = []
    for criterion in criteria {
      let columns = codings.indices.map { coding in
        reference.files.indices.map { value(coding, $0, criterion) }
      }
      pairs.append(
        CriterionPair(
          criterion: criterion, result: AgreementStatistics.pair(columns[0], columns[1])))
      let units = reference.files.indices.map { index in codings.indices.map { columns[$0][index] }
      }
      alphas.append(
        CriterionAlpha(
          criterion: criterion, units: units.filter { $0.compactMap { $0 }.count >= 2 }.count,
          alpha: AgreementStatistics.krippendorffAlpha(units)))
      if codings.count > 2 {
        for first in codings.indices {
          for second in codings.indices where second > first {
            pairwise.append(
              PairwiseKappa(
                criterion: criterion, first: first, second: second,
                kappa: AgreementStatistics.pair(columns[first], columns[second]).kappa))
          }
        }
      }
      for (index, file) in reference.files.enumerated() {
        let present = units[index].compactMap { $0 }
        guard present.count >= 2, Set(present).count > 1 else { continue }
        var evidence: String?
        for coding in codings.indices where codings[coding].isMetaevalRun {
          if let other = alignment[coding][index],
            let quote = codings[coding].evidence[other]?[criterion]
          {
            evidence = quote
            break
          }
        }
        disagreements.append(
          Disagreement(
            criterion: criterion, file: file,
            values: units[index].map { $0.map { $0 ? "yes" : "no" } ?? "" }, evidence: evidence))
      }
    }
    return AgreementReport(
      codings: codings.map(\.path), criteria: criteria, matched: matched, warnings: warnings,
      pairs: pairs,
      alphas: alphas, pairwise: pairwise, disagreements: disagreements)
  }
}
