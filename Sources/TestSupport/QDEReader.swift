import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What the tests read of a REFI-QDA `project.qde` or `.qdc`, with Foundation's parser rather
/// than the one under test: codes with their depth, text sources with their selections, cases
/// with their variable values.
public final class QDEReader: NSObject, XMLParserDelegate {
  public struct Code: Equatable, Sendable {
    public var guid: String
    public var name: String
    public var depth: Int
  }

  public struct Selection: Sendable {
    public var start: Int
    public var end: Int
    public var codes: [String]
    public var user: String?
  }

  public struct Source: Sendable {
    public var guid: String
    public var name: String
    public var plainTextPath: String
    public var selections: [Selection]
  }

  public struct Case: Sendable {
    public var name: String
    public var sources: [String]
    public var values: [String: String]
  }

  public private(set) var codes: [Code] = []
  public private(set) var sources: [Source] = []
  public private(set) var cases: [Case] = []
  /// Variable names by GUID.
  public private(set) var variables: [String: String] = [:]
  private var variable: String?
  private var codeDepth = 0
  private var text = ""

  public static func read(_ data: Data) -> QDEReader {
    let reader = QDEReader()
    let parser = XMLParser(data: data)
    parser.delegate = reader
    _ = parser.parse()
    return reader
  }

  public func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    text = ""
    switch elementName {
    case "Code":
      codes.append(
        Code(guid: attributes["guid"] ?? "", name: attributes["name"] ?? "", depth: codeDepth))
      codeDepth += 1
    case "TextSource":
      sources.append(
        Source(
          guid: attributes["guid"] ?? "", name: attributes["name"] ?? "",
          plainTextPath: attributes["plainTextPath"] ?? "", selections: []))
    case "PlainTextSelection" where !sources.isEmpty:
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
    case "SourceRef" where !cases.isEmpty:
      cases[cases.count - 1].sources.append(attributes["targetGUID"] ?? "")
    case "VariableRef":
      variable = attributes["targetGUID"]
    default:
      break
    }
  }

  public func parser(_ parser: XMLParser, foundCharacters string: String) {
    text += string
  }

  public func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if elementName == "Code" { codeDepth -= 1 }
    if ["BooleanValue", "TextValue", "IntegerValue"].contains(elementName), let variable,
      let name = variables[variable], !cases.isEmpty
    {
      cases[cases.count - 1].values[name] = text
    }
  }
}
