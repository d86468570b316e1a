import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a `project.qde` or a `.qdc` into a `QDAProject`.
///
/// Elements are known by their local names, so a prefixed namespace works too. Codings count
/// only inside `<Sources>`: on a selection of any kind (text, PDF, picture, audio, video,
/// transcript), on a source as a whole, or inside a PDF's text representation, always for the
/// outermost source. Notes, sets and cases refer to codes too, but code nothing.
public enum QDAProjectParser {
  /// Parses `data`; `path` names the document in errors (`x.qdpx/project.qde`).
  public static func parse(_ data: Data, path: String) throws(QDAExchangeError) -> QDAProject {
    let delegate = Delegate()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    // Foundation's parser on Linux recovers from some errors (a mismatched or unclosed tag) and
    // still reports success: the first error the delegate sees decides.
    let finished = parser.parse()
    if let error = delegate.firstError {
      throw .invalidXML(path: path, line: max(1, error.line), reason: describe(error.error))
    }
    guard finished else {
      throw .invalidXML(
        path: path, line: max(1, parser.lineNumber), reason: describe(parser.parserError))
    }
    if let open = delegate.stack.last {
      throw .invalidXML(
        path: path, line: max(1, parser.lineNumber), reason: "the document ends inside <\(open)>")
    }
    guard let root = delegate.root else {
      throw .invalidXML(path: path, line: max(1, parser.lineNumber), reason: "no root element")
    }
    guard root == "Project" || root == "CodeBook" else {
      throw .notAProject(path: path, reason: "the root element is <\(root)>, not <Project>")
    }
    return delegate.project
  }

  /// A parser error in words. The codes are libxml2's (`xmlParserErrors`), which Foundation
  /// passes on; its own `XMLParser.ErrorCode` names do not match them on Linux.
  static func describe(_ error: Error?) -> String {
    guard let code = (error as NSError?)?.code else { return "not well-formed" }
    let known: [Int: String] = [
      4: "the document is empty", 5: "the document does not end where it should",
      9: "a character XML does not allow",
      23: "an entity reference without ';'", 26: "an undeclared entity",
      38: "'<' in an attribute value",
      39: "an attribute value without quotes", 40: "an attribute value not closed",
      41: "an attribute without a value",
      68: "a name is missing", 73: "'>' expected",
      76: "an end tag that does not match its start tag",
      77: "an element that is not closed",
    ]
    return known[code] ?? "not well-formed (libxml2 error \(code))"
  }

  static let sourceElements: Set<String> = [
    "TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource",
  ]
  static let selectionElements: Set<String> = [
    "PlainTextSelection", "PDFSelection", "PictureSelection", "AudioSelection", "VideoSelection",
    "TranscriptSelection",
  ]

  private final class Delegate: NSObject, XMLParserDelegate {
    var project = QDAProject()
    var root: String?
    var stack: [String] = []
    var codeStack: [Int] = []
    /// The outermost source being read, and the depth of its element.
    var source: (value: QDAProject.Source, depth: Int)?
    var selectionUsers: [String?] = []
    var codingUser: String??
    var firstError: (error: Error, line: Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      guard firstError == nil else { return }
      firstError = (parseError, parser.lineNumber)
      parser.abortParsing()
    }

    static func local(_ name: String) -> String {
      name.split(separator: ":").last.map(String.init) ?? name
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let name = Self.local(elementName)
      let parent = stack.last
      if root == nil {
        root = name
        if let guid = attributes["creatingUserGUID"] {
          project.creatingUserGUID = StableGUID.normalized(guid)
        }
      }
      stack.append(name)
      let guid = attributes["guid"].map(StableGUID.normalized)
      switch name {
      case "User" where parent == "Users":
        if let guid {
          let label =
            attributes["name"].flatMap { $0.isEmpty ? nil : $0 } ?? attributes["id"] ?? guid
          project.users.append(QDAProject.User(guid: guid, name: label))
        }
      case "Code" where parent == "Codes" || parent == "Code":
        project.codes.append(
          QDAProject.Code(guid: guid ?? "", name: attributes["name"] ?? "", parent: codeStack.last))
        codeStack.append(project.codes.count - 1)
      case _
      where QDAProjectParser.sourceElements.contains(name) && parent == "Sources" && source == nil:
        source = (
          QDAProject.Source(guid: guid ?? "", name: attributes["name"] ?? guid ?? "", codings: []),
          stack.count
        )
      case _ where QDAProjectParser.selectionElements.contains(name):
        selectionUsers.append(attributes["creatingUser"].map(StableGUID.normalized))
      case "Coding" where source != nil:
        codingUser = .some(attributes["creatingUser"].map(StableGUID.normalized))
      case "CodeRef" where parent == "Coding" && source != nil:
        if let target = attributes["targetGUID"] {
          let user = (codingUser ?? nil) ?? (selectionUsers.last ?? nil)
          source?.value.codings.append(
            QDAProject.Coding(codeGUID: StableGUID.normalized(target), userGUID: user))
        }
      default:
        break
      }
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      let name = Self.local(elementName)
      switch name {
      case "Code"
      where !codeStack.isEmpty
        && stack.dropLast().last.map({ $0 == "Codes" || $0 == "Code" }) == true:
        codeStack.removeLast()
      case _ where QDAProjectParser.selectionElements.contains(name):
        if !selectionUsers.isEmpty { selectionUsers.removeLast() }
      case "Coding":
        codingUser = nil
      default:
        break
      }
      if let current = source, current.depth == stack.count {
        project.sources.append(current.value)
        source = nil
      }
      if !stack.isEmpty { stack.removeLast() }
    }
  }
}
