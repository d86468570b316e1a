import ArgumentParser
import Foundation
import MetaEvalCore

struct Agree: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agree",
    abstract:
      "Inter-coder agreement: Cohen's kappa for two codings, Krippendorff's alpha for more.",
    discussion: """
      Each file is a coding shaped like Corpus/coding.csv (file, then yes/no columns) or the \
      documents.csv of a corpus run (failed documents count as missing). Rows are matched on \
      'file', falling back to the file name; rows that match nothing or twice are warned about. \
      With two codings: n, agreement, kappa with a 95% interval, and with the first as the \
      reference precision, recall, F1 and the confusion matrix. With more: Krippendorff's alpha \
      (nominal, missing values allowed) and the pairwise kappa table. Then the disagreements, \
      with metaeval's evidence where one side is a run. Exit codes: 0 done; 2 a file could not be used.
      """
  )

  @Argument(help: "Two or more coding CSV files; the first is the reference.")
  var codings: [String]

  @Option(
    help: "Criteria to compare, comma-separated (default: the criterion columns every file has).")
  var criteria: String?

  @Option(help: "Output format: \(AgreementReporters.names.joined(separator: ", ")).")
  var format: String = "text"

  func validate() throws {
    guard codings.count >= 2 else { throw ValidationError("agree needs at least two coding files") }
    guard AgreementReporters.names.contains(format) else {
      throw ValidationError(
        "unknown format '\(format)'; choose one of: \(AgreementReporters.names.joined(separator: ", "))"
      )
    }
  }

  func run() throws {
    do {
      let files = try codings.map { path throws(AgreementError) in try CodingFile.read(path) }
      let list = criteria?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      let report = try AgreementReport.compare(files, criteria: list)
      guard let reporter = AgreementReporters.named(format) else { throw ExitCode(2) }
      var output = StandardOutput()
      output.write(try reporter.render(report))
      output.flush()
    } catch let error as AgreementError {
      StandardError.line("metaeval: \(error)")
      throw ExitCode(2)
    }
  }
}
