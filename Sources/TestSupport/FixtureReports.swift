import Foundation
import PDFWriter

/// Report sources with known content, for tests that need real PDFs.
public enum FixtureReports {
  /// A Dutch multi-page report with a running header and footer, long compounds that get
  /// hyphenated at line ends, a table and (optionally) two columns.
  public static func dutchEvaluation(
    columns: Int = 1, paragraphs: Int = 24, method: Bool = false, recommendations: Bool = true,
    extra: String? = nil
  ) -> ReportSource {
    var blocks: [ReportSource.Block] = [
      .heading(level: 1, text: "1 Inleiding"),
      .paragraph(
        "Het informatiebeveiligingsbeleid van de gemeente werd in het ICT-project herzien. "
          + "De evaluatiecommissie onderzocht de projectorganisatie, de verantwoordelijkheidsverdeling "
          + "en de samenwerkingsovereenkomsten met leveranciers van het zaaksysteem."),
      .heading(level: 2, text: "1.1 Doel en vraagstelling"),
      .paragraph("De centrale vraag van dit onderzoek is in hoeverre het project zijn doelen heeft bereikt."),
      .tableRow(["Opdrachtgever", "Gemeenteraad van Lindeveen"]),
      .tableRow(["Parameter", "Description"]),
    ]
    if method {
      blocks.append(.heading(level: 2, text: "1.2 Aanpak"))
      blocks.append(
        .paragraph(
          "Voor deze evaluatie hebben wij documentstudie verricht en interviews gehouden met twaalf "
            + "betrokkenen van de gemeente en de leverancier."))
    }
    if let extra { blocks.append(.paragraph(extra)) }
    let subjects = [
      "de projectbeheersing", "de informatievoorziening", "de aanbesteding", "de stuurgroep",
      "het testproces", "de gegevensmigratie", "de gebruikersacceptatie",
    ]
    let judgements = [
      "verdient meer aandacht, omdat de implementatiestrategie onvoldoende werd uitgewerkt",
      "verliep volgens plan, al liep de doorlooptijd met enkele weken uit",
      "was onvoldoende belegd in de lijnorganisatie van de gemeente",
      "kende terugkerende knelpunten in de samenwerking met de leverancier",
      "werd pas laat in het traject ingericht, waardoor herstelwerk nodig was",
    ]
    for number in 1...paragraphs {
      let subject = subjects[number % subjects.count]
      let judgement = judgements[(number * 3) % judgements.count]
      blocks.append(
        .paragraph(
          "Bevinding \(number): \(subject) \(judgement). In week \(number * 2) is dit besproken "
            + "met \(number + 2) betrokkenen uit de projectorganisatie."))
    }
    if recommendations {
      blocks.append(.heading(level: 1, text: "5 Aanbevelingen"))
      blocks.append(.numbered("1.", text: "Stel een programmamanager aan voor de vervolgfase."))
      blocks.append(.numbered("2.", text: "Leg de afspraken met de leverancier vast in een contract."))
    }
    return ReportSource(
      title: "Evaluatie zaaksysteem", language: "nl", columns: columns,
      header: "Evaluatie zaaksysteem | Gemeente Lindeveen", footer: "Pagina {page}/{pages}",
      titleLines: ["Evaluatie van de invoering van het zaaksysteem", "In opdracht van de gemeenteraad"],
      blocks: blocks)
  }

  /// Writes `source` as a PDF into `directory` and returns its path.
  public static func writePDF(
    _ source: ReportSource, named name: String, in directory: TemporaryDirectory,
    rendering: PDFWriter.Rendering = .text
  ) throws -> String {
    let path = directory.file(name)
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try PDFWriter.write(source, to: path, rendering: rendering)
    return path
  }

  /// The words of a source's text as they would be read, for comparison with an extraction.
  public static func words(of source: ReportSource) -> [String] {
    var text = source.titleLines
    for block in source.blocks {
      switch block {
      case .heading(_, let value), .paragraph(let value), .bullet(let value): text.append(value)
      case .numbered(let number, let value): text.append(number + " " + value)
      case .tableRow(let cells): text.append(contentsOf: cells)
      case .pageBreak: break
      }
    }
    return text.joined(separator: " ").split(whereSeparator: \.isWhitespace).map(String.init)
  }
}
