import Foundation
import TestSupport
import Testing

@testable import MetaEvalCore

@Suite struct AgreementStatisticsTests {
  func values(_ text: String) -> [Bool?] {
    text.map { $0 == "y" ? true : $0 == "n" ? false : nil }
  }

  /// Worked by hand: 8 of 10 agree, both say yes half the time, so pₑ = 0.5 and κ = 0.6;
  /// SE = √(0.8·0.2 / (10·0.25)) = 0.2530, CI = 0.6 ± 0.49584 → [0.10416, 1.09584 → 1].
  @Test func kappaIntervalAndConfusionByHand() {
    let result = AgreementStatistics.pair(values("yyyyynnnnn"), values("yyyynnnnny"))
    #expect(result.n == 10)
    #expect(result.agreement == 0.8)
    #expect(abs(result.kappa! - 0.6) < 1e-12)
    #expect(abs(result.kappaLow! - 0.104164) < 1e-5)
    #expect(result.kappaHigh == 1)
    #expect(result.precision == 0.8 && result.recall == 0.8)
    #expect(abs(result.f1! - 0.8) < 1e-12)
    #expect([result.yesYes, result.yesNo, result.noYes, result.noNo] as [Int] == [4, 1, 1, 4])
  }

  /// Unequal margins: reference yes 7/10, other yes 4/10; pₒ = 0.7, pₑ = 0.7·0.4 + 0.3·0.6 = 0.46,
  /// κ = 0.24 / 0.54 = 0.4444.
  @Test func kappaWithUnequalMargins() {
    let result = AgreementStatistics.pair(values("yyyyyyynnn"), values("yyyynnnnnn"))
    #expect(abs(result.kappa! - 0.24 / 0.54) < 1e-12)
    #expect(result.precision == 1)
    #expect(abs(result.recall! - 4.0 / 7.0) < 1e-12)
  }

  @Test func perfectAgreementIsOne() {
    let result = AgreementStatistics.pair(values("yynny"), values("yynny"))
    #expect(result.kappa == 1 && result.kappaLow == 1 && result.kappaHigh == 1)
  }

  @Test func oneCategoryOnlyLeavesKappaUndefined() {
    let result = AgreementStatistics.pair(values("yyyy"), values("yyyy"))
    #expect(result.agreement == 1)
    #expect(result.kappa == nil)
    #expect(AgreementStatistics.krippendorffAlpha([[true, true], [true, true]]) == nil)
  }

  @Test func missingValuesAreLeftOut() {
    let result = AgreementStatistics.pair(values("y.ny."), values("yn.yy"))
    #expect(result.n == 2)
    let none = AgreementStatistics.pair(values("..."), values("..."))
    #expect(none.n == 0 && none.agreement == nil && none.kappa == nil)
    #expect(AgreementStatistics.krippendorffAlpha([[Bool?]]([[nil, nil], [true, nil]])) == nil)
  }

  /// Krippendorff's own example (Computing Krippendorff's Alpha-Reliability, 2011): four
  /// observers, twelve units, missing values; nominal α = 0.743.
  @Test func krippendorffsPublishedExample() {
    let data: [[Int?]] = [
      [1, 1, nil, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
      [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [nil, 5, 5, 5], [nil, nil, 1, 1],
      [nil, 3, nil, nil],
    ]
    let alpha = AgreementStatistics.krippendorffAlpha(data)
    #expect(alpha.map { abs($0 - 0.743) < 0.0005 } == true, "alpha \(String(describing: alpha))")
  }

  /// For two coders and no missing values, α equals Scott's π with a small-sample correction:
  /// computed here independently from the coincidence formula's closed form.
  @Test func alphaForTwoCodersMatchesItsClosedForm() {
    let a = values("yyyyynnnnn")
    let b = values("yyyynnnnny")
    let units = zip(a, b).map { [$0, $1] }
    let n = 20.0
    let yes = Double(a.filter { $0 == true }.count + b.filter { $0 == true }.count)
    let no = n - yes
    let disagreements = Double(zip(a, b).filter { $0 != $1 }.count)
    let expected = 1 - (n - 1) * (2 * disagreements) / (2 * yes * no)
    #expect(abs(AgreementStatistics.krippendorffAlpha(units)! - expected) < 1e-12)
  }
}

@Suite struct AgreementReportTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("agree")
  }

  @Test func rowsMatchByPathThenByFileNameWithWarnings() throws {
    let a = try directory.write(
      "a.csv",
      "file,method,recommendations\nreports/x.pdf,yes,no\nreports/y.pdf,no,no\nz.pdf,yes,yes\n")
    let b = try directory.write(
      "b.csv",
      "file,method,recommendations,extra_notes\nx.pdf,yes,yes,ok\nreports/y.pdf,no,no,\nq.pdf,yes,no,\n"
    )
    let report = try AgreementReport.compare([try CodingFile.read(a), try CodingFile.read(b)])
    #expect(report.criteria == ["recommendations", "method"])
    #expect(report.matched == 2)
    #expect(report.warnings.contains { $0.contains("q.pdf") })
    #expect(report.warnings.contains { $0.contains("1 document(s)") })
    #expect(
      report.disagreements.map { "\($0.criterion) \($0.file)" } == ["recommendations reports/x.pdf"]
    )
  }

  @Test(arguments: [
    ("file,method\nx.pdf,maybe\n", "a.csv:2: column 'method': unknown value 'maybe'"),
    ("name,method\nx.pdf,yes\n", "no 'file' column"),
    ("", "the file is empty"),
    ("file,method\n", "no coded documents"),
  ])
  func badFilesGetClearErrors(content: String, message: String) throws {
    let path = try directory.write("a.csv", content)
    do {
      _ = try CodingFile.read(path)
      Issue.record("no error")
    } catch {
      #expect(error.description.contains(message), "\(error)")
    }
  }

  @Test func aMissingRequestedCriterionIsAnError() throws {
    let a = try CodingFile.read(try directory.write("a.csv", "file,method\nx.pdf,yes\n"))
    let b = try CodingFile.read(try directory.write("b.csv", "file,method\nx.pdf,no\n"))
    #expect(throws: AgreementError.missingCriterion(path: a.path, criterion: "scope_people")) {
      try AgreementReport.compare([a, b], criteria: ["scope_people"])
    }
  }
}
