import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The text sources of a `project.qde` with their selections, read independently of the
/// module's own parser, for checking what the exporter wrote.
final class SelectionReader: NSObject, XMLParserDelegate {
  struct Selection {
    var start: Int
    var end: Int
    var codes: [String]
    var user: String?
  }

  struct Source {
    var guid: String
    var name: String
    var plainTextPath: String
    var selections: [Selection]
  }

  struct Case {
    var name: String
    var sources: [String]
    var values: [String: String]
  }

  private(set) var sources: [Source] = []
  private(set) var cases: [Case] = []
  private(set) var variables: [String: String] = [:]
  private var element = ""
  private var variable: String?
  private var text = ""

  static func read(_ data: Data) -> SelectionReader {
    let reader = SelectionReader()
    let parser = XMLParser(data: data)
    parser.delegate = reader
    _ = parser.parse()
    return reader
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    element = elementName
    text = ""
    switch elementName {
    case "TextSource":
      sources.append(
        Source(
          guid: attributes["guid"] ?? "", name: attributes["name"] ?? "",
          plainTextPath: attributes["plainTextPath"] ?? "",
          selections: []))
    case "PlainTextSelection":
      sources[sources.count - 1].selections.append(
        Selection(
          start: Int(attributes["startPosition"] ?? "") ?? -1,
          end: Int(attributes["endPosition"] ?? "") ?? -1,
          codes: [],
          user: attributes["creatingUser"]))
    case "CodeRef":
      if !sources.isEmpty, !sources[sources.count - 1].selections.isEmpty {
        let last = sources[sources.count - 1].selections.count - 1
        sources[sources.count - 1].selections[last].codes.append(attributes["targetGUID"] ?? "")
      }
    case "Variable":
      variables[attributes["guid"] ?? ""] = attributes["name"]
    case "Case":
      cases.append(Case(name: attributes["name"] ?? "", sources: [], values: [:]))
    case "SourceRef":
      cases[cases.count - 1].sources.append(attributes["targetGUID"] ?? "")
    case "VariableRef":
      variable = attributes["targetGUID"]
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text += string
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if ["BooleanValue", "TextValue", "IntegerValue"].contains(elementName), let variable,
      let name = variables[variable]
    {
      cases[cases.count - 1].values[name] = text
    }
  }
}
