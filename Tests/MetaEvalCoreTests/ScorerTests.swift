import PDFExtraction
import Testing

@testable import MetaEvalCore

/// The engine on text documents, with the default rubric: the traps of DOMAIN.md.
@Suite struct ScorerTests {
  let scorer: Scorer

  init() throws {
    scorer = Scorer(rubric: try RepositoryRubrics.load("bronsgeest"))
  }

  func pages(_ texts: String...) -> DocumentText {
    DocumentText(
      file: "doc",
      pages: texts.enumerated().map {
        PageText(index: $0.offset + 1, label: "p\($0.offset + 1)", text: $0.element)
      })
  }

  func verdict(_ id: String, _ result: ReportResult) -> Verdict? { result.criterion(id)?.verdict }

  static let completeDutchReport = """
    Eindevaluatie van het zaaksysteem
    Dit onderzoek is uitgevoerd in opdracht van de gemeenteraad van Lindeveen.
    1 Inleiding
    De centrale vraag van dit onderzoek luidt: heeft het zaaksysteem de afhandeling van aanvragen versneld?
    2 Aanpak
    Wij hebben documentstudie verricht en interviews gehouden met twaalf betrokkenen van de gemeente en de leverancier.
    3 Bevindingen
    Het zaaksysteem werkt stabiel, maar de zoekfunctie van de applicatie is onvoldoende. De koppeling met het archief faalt regelmatig.
    De planning liep een half jaar uit en het budget werd overschreden. De stuurgroep nam besluiten te laat.
    De samenwerking tussen de afdelingen verliep moeizaam. De rollen van de projectleden waren onduidelijk.
    4 Aanbevelingen
    1. Stel een programmamanager aan die verantwoordelijk is voor de doorontwikkeling.
    2. Leg de afspraken met de leverancier vast in een contract met meetbare normen.
    3. Maak de stuurgroep kleiner, zodat besluiten sneller vallen.
    """

  @Test func aCompleteReportMeetsEveryCriterionWithEvidence() throws {
    let result = scorer.score(pages(Self.completeDutchReport))
    #expect(result.language == .nl)
    #expect(result.passed)
    for criterion in result.criteria {
      #expect(criterion.verdict == .yes, "\(criterion.id): \(criterion.note ?? "")")
      #expect(!criterion.evidence.isEmpty, "\(criterion.id) has no evidence")
    }
    let commissioner = try #require(result.criterion("commissioner"))
    #expect(commissioner.name == "de gemeenteraad van Lindeveen")
    #expect(result.criterion("recommendations")?.count == 3)
    #expect(result.criterion("method")?.terms.map(\.id) == ["document_study", "interviews"])
    #expect(result.criterion("scope")?.dimensions.map(\.verdict) == [.yes, .yes, .yes])
  }

  @Test func evidenceCarriesThePageIndexAndPrintedLabel() throws {
    let result = scorer.score(
      pages(
        "Evaluatie van het klantportaal\nIn opdracht van de directie is deze evaluatie uitgevoerd.",
        "Bevindingen\nDe evaluatie laat zien dat het portaal goed werkt maar traag is bij piekbelasting."
      ))
    let evidence = try #require(result.criterion("commissioner")?.evidence.first)
    #expect(evidence.page == 1)
    #expect(evidence.pageLabel == "p1")
    #expect(evidence.quote.contains("In opdracht van de directie"))
  }

  @Test func aContentsLineIsNotEvidence() {
    let result = scorer.score(
      pages(
        "Evaluatie van het project\nInhoudsopgave\n1 Inleiding ........ 3\n2 Bevindingen ........ 5\n4 Conclusies en aanbevelingen ........ 12",
        "1 Inleiding\nDit rapport bevat de bevindingen van de evaluatie. De bevindingen zijn positief over de planning en de samenwerking."
      ))
    #expect(verdict("recommendations", result) == .no)
  }

  @Test func anEmptyHeadingIsNotARecommendation() throws {
    let result = scorer.score(
      pages(
        "Usability study of the benefits form\nFindings\nParticipants completed the form without help in most cases.\nRecommendations\n\nAppendix A\nScreens tested: 1 to 4."
      ))
    let recommendations = try #require(result.criterion("recommendations"))
    #expect(recommendations.verdict == .no)
    #expect(recommendations.note?.contains("empty") == true)
    #expect(recommendations.advice?.isEmpty == false)
    #expect(!recommendations.lookedFor.isEmpty)
  }

  @Test func aReportThatSaysItMakesNoRecommendationsDoesNotMeetIt() throws {
    let result = scorer.score(
      pages(
        "Audit of the grants system\nWhat GAO Found\nThe agency met most requirements, but its schedule slipped.\nWe are not making recommendations in this report."
      ))
    let recommendations = try #require(result.criterion("recommendations"))
    #expect(recommendations.verdict == .no)
    #expect(recommendations.evidence.first?.kind == "negation")
  }

  @Test func theProjectsClientIsNotTheCommissioner() {
    let result = scorer.score(
      pages(
        "Reflectieverslag project DijkMelder\nOnze opdrachtgever was het Waterschap Lage Venen. Wij kijken terug op de samenwerking in de groep, die goed verliep maar soms stroef was."
      ))
    #expect(verdict("is_evaluation", result) == .yes)
    #expect(verdict("commissioner", result) == .no)
  }

  @Test func aPlanIsNotAnEvaluationAndEverythingElseReadsNo() throws {
    let result = scorer.score(
      pages(
        "Plan van aanpak project Klantportaal\nOpdrachtgever: Gemeente Lindeveen\nHet doel van het project is een nieuw portaal.\nWe werken met Scrum in sprints van twee weken."
      ))
    #expect(verdict("is_evaluation", result) == .no)
    for criterion in result.criteria where criterion.id != "is_evaluation" {
      #expect(criterion.verdict == .no)
      #expect(criterion.note?.contains("not applicable") == true)
    }
    #expect(!result.passed)
  }

  @Test func theLanguageCanBeForced() {
    let document = pages(
      "Evaluation report\nDe centrale vraag van dit onderzoek is hoe het project verliep.")
    #expect(scorer.score(document, language: .en).language == .en)
    #expect(scorer.score(document).language == .nl)
  }

  @Test func scoringIsDeterministic() {
    let document = pages(Self.completeDutchReport)
    #expect(scorer.score(document) == scorer.score(document))
  }
}
