import Foundation

/// A share of documents with its 95% Wilson score interval.
public struct Proportion: Sendable, Equatable, Codable {
  public var count: Int
  public var total: Int

  public init(count: Int, total: Int) {
    self.count = count
    self.total = total
  }

  public var share: Double { total == 0 ? 0 : Double(count) / Double(total) }

  /// The 95% Wilson score interval (z = 1.96); (0, 0) for an empty denominator.
  public var interval: (low: Double, high: Double) {
    guard total > 0 else { return (0, 0) }
    let z = 1.959963984540054
    let n = Double(total)
    let p = share
    let denominator = 1 + z * z / n
    let centre = (p + z * z / (2 * n)) / denominator
    let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
    return (max(0, centre - half), min(1, centre + half))
  }

  /// "27% (24/88; 95% CI 19–37%)"
  public var formatted: String {
    guard total > 0 else { return "– (0/0)" }
    let (low, high) = interval
    return
      "\(Self.percent(share)) (\(count)/\(total); 95% CI \(Self.percent(low, sign: false))–\(Self.percent(high)))"
  }

  static func percent(_ value: Double, sign: Bool = true) -> String {
    String(Int((value * 100).rounded())) + (sign ? "%" : "")
  }
}
