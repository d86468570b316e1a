import Foundation

/// Agreement between codings: Cohen's κ for two, Krippendorff's α for any number.
public enum AgreementStatistics {
  /// Two codings of the same items on one yes/no criterion.
  public struct PairResult: Sendable, Equatable, Codable {
    /// Items both codings code (neither missing).
    public var n: Int
    public var agreement: Double?
    /// nil when undefined: no items, or both codings use one and the same category only.
    public var kappa: Double?
    public var kappaLow: Double?
    public var kappaHigh: Double?
    /// With the first coding as the reference and `yes` as positive.
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?
    /// reference yes / other yes, reference yes / other no, reference no / other yes, both no.
    public var yesYes: Int
    public var yesNo: Int
    public var noYes: Int
    public var noNo: Int

    enum CodingKeys: String, CodingKey {
      case n, agreement, kappa, precision, recall, f1
      case kappaLow = "kappa_low"
      case kappaHigh = "kappa_high"
      case yesYes = "yes_yes"
      case yesNo = "yes_no"
      case noYes = "no_yes"
      case noNo = "no_no"
    }
  }

  /// Cohen's κ with a 95% interval from the large-sample standard error
  /// SE = √(pₒ(1 − pₒ) / (n (1 − pₑ)²)) (Cohen 1960), and precision, recall and F1 with the
  /// first coding as the reference. `nil` values are missing and the pair is left out.
  public static func pair(_ reference: [Bool?], _ other: [Bool?]) -> PairResult {
    var yesYes = 0
    var yesNo = 0
    var noYes = 0
    var noNo = 0
    for (a, b) in zip(reference, other) {
      guard let a, let b else { continue }
      switch (a, b) {
      case (true, true): yesYes += 1
      case (true, false): yesNo += 1
      case (false, true): noYes += 1
      case (false, false): noNo += 1
      }
    }
    let n = yesYes + yesNo + noYes + noNo
    var result = PairResult(
      n: n, agreement: nil, kappa: nil, kappaLow: nil, kappaHigh: nil, precision: nil, recall: nil,
      f1: nil,
      yesYes: yesYes, yesNo: yesNo, noYes: noYes, noNo: noNo)
    guard n > 0 else { return result }
    let total = Double(n)
    let observed = Double(yesYes + noNo) / total
    result.agreement = observed
    let referenceYes = Double(yesYes + yesNo) / total
    let otherYes = Double(yesYes + noYes) / total
    let expected = referenceYes * otherYes + (1 - referenceYes) * (1 - otherYes)
    if expected < 1 {
      let kappa = (observed - expected) / (1 - expected)
      let error = (observed * (1 - observed) / (total * (1 - expected) * (1 - expected)))
        .squareRoot()
      result.kappa = kappa
      result.kappaLow = max(-1, kappa - 1.959963984540054 * error)
      result.kappaHigh = min(1, kappa + 1.959963984540054 * error)
    }
    if yesYes + noYes > 0 { result.precision = Double(yesYes) / Double(yesYes + noYes) }
    if yesYes + yesNo > 0 { result.recall = Double(yesYes) / Double(yesYes + yesNo) }
    if let precision = result.precision, let recall = result.recall, precision + recall > 0 {
      result.f1 = 2 * precision * recall / (precision + recall)
    }
    return result
  }

  /// Krippendorff's α for nominal data with missing values: `units[u][c]` is coder c's value
  /// for unit u, or nil. nil when undefined (fewer than two values in any unit, or a single
  /// category in all the pairable values).
  public static func krippendorffAlpha<Value: Hashable>(_ units: [[Value?]]) -> Double? {
    var coincidences: [Value: [Value: Double]] = [:]
    for unit in units {
      let values = unit.compactMap { $0 }
      let m = values.count
      guard m >= 2 else { continue }
      for i in values.indices {
        for j in values.indices where i != j {
          coincidences[values[i], default: [:]][values[j], default: 0] += 1 / Double(m - 1)
        }
      }
    }
    let categories = Array(coincidences.keys)
    let totals = categories.map { c in coincidences[c]!.values.reduce(0, +) }
    let n = totals.reduce(0, +)
    guard n > 1 else { return nil }
    var observedDisagreement = 0.0
    var expectedDisagreement = 0.0
    for (i, c) in categories.enumerated() {
      for (j, k) in categories.enumerated() where i != j {
        observedDisagreement += coincidences[c]?[k] ?? 0
        expectedDisagreement += totals[i] * totals[j]
      }
    }
    guard expectedDisagreement > 0 else { return nil }
    return 1 - (n - 1) * observedDisagreement / expectedDisagreement
  }
}
