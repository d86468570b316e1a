import Foundation
import TestSupport
import Testing

/// `metaeval agree` on fixed codings, checked against an independent computation.
@Suite struct AgreeCommandTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory("agree-e2e")
  }

  /// Cohen's κ from two columns, written out the long way.
  static func kappa(_ a: [String], _ b: [String]) -> Double? {
    let pairs = zip(a, b).filter { !$0.0.isEmpty && !$0.1.isEmpty }
    let n = Double(pairs.count)
    guard n > 0 else { return nil }
    let agree = Double(pairs.filter { $0.0 == $0.1 }.count) / n
    let aYes = Double(pairs.filter { $0.0 == "yes" }.count) / n
    let bYes = Double(pairs.filter { $0.1 == "yes" }.count) / n
    let chance = aYes * bYes + (1 - aYes) * (1 - bYes)
    return chance == 1 ? nil : (agree - chance) / (1 - chance)
  }

  @Test func twoCodingsGiveTheIndependentlyComputedKappa() throws {
    let files = (1...12).map { "r\($0).pdf" }
    let human = [
      "method": ["yes", "yes", "no", "yes", "no", "no", "yes", "yes", "no", "yes", "", "no"],
      "recommendations": [
        "yes", "no", "no", "yes", "yes", "no", "yes", "no", "no", "yes", "yes", "no",
      ],
    ]
    let machine = [
      "method": ["yes", "no", "no", "yes", "no", "yes", "yes", "yes", "no", "yes", "yes", "no"],
      "recommendations": [
        "yes", "no", "yes", "yes", "yes", "no", "yes", "no", "no", "no", "yes", "no",
      ],
    ]
    var coding = "file,method,recommendations\n"
    var run =
      "file,sha256,status,error,method,method_confidence,recommendations,recommendations_confidence\n"
    for (index, file) in files.enumerated() {
      coding += "\(file),\(human["method"]![index]),\(human["recommendations"]![index])\n"
      run +=
        "\(file),abc,scored,,\(machine["method"]![index]),0.90,\(machine["recommendations"]![index]),0.80\n"
    }
    let codingPath = try directory.write("coding.csv", coding)
    let runPath = try directory.write("run/documents.csv", run)
    try directory.write(
      "run/evidence.csv",
      "file,criterion,page,page_label,quote,cue,kind\nr2.pdf,method,3,iii,'- We interviewed staff.,x,phrase\n"
    )
    let result = try CommandRunner.run(["agree", codingPath, runPath, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let pairs = try #require(object["pairs"] as? [[String: Any]])
    for pair in pairs {
      let criterion = pair["criterion"] as! String
      let stats = pair["result"] as! [String: Any]
      let expected = Self.kappa(human[criterion]!, machine[criterion]!)!
      #expect(abs((stats["kappa"] as! Double) - expected) < 1e-9, "\(criterion)")
    }
    let text = try CommandRunner.run(["agree", codingPath, runPath])
    #expect(text.stdout.contains("metaeval: p. iii: - We interviewed staff."))
  }

  @Test func threeCodingsGiveAlphaAndPairwiseKappa() throws {
    let a = try directory.write("a.csv", "file,method\nx,yes\ny,no\nz,yes\nw,no\n")
    let b = try directory.write("b.csv", "file,method\nx,yes\ny,no\nz,no\nw,no\n")
    let c = try directory.write("c.csv", "file,method\nx,yes\ny,yes\nz,yes\nw,\n")
    let result = try CommandRunner.run(["agree", a, b, c])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Krippendorff's alpha"))
    #expect(result.stdout.contains("1–2"))
    let csv = try CommandRunner.run(["agree", a, b, c, "--format", "csv"])
    #expect(csv.stdout.hasPrefix("criterion,n,agreement,kappa"))
  }

  @Test func badInputExitsTwo() throws {
    let a = try directory.write("a.csv", "file,method\nx,yes\n")
    let bad = try directory.write("bad.csv", "file,method\nx,perhaps\n")
    let result = try CommandRunner.run(["agree", a, bad])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bad.csv:2: column 'method': unknown value 'perhaps'"))
    #expect(try CommandRunner.run(["agree", a]).status == 2)
  }
}
