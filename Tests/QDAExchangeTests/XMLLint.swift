import Foundation
import TestSupport
import Testing

/// `xmllint --noout --schema` against the REFI-QDA schemas in Fixtures/.
enum XMLLint {
  static var path: String? { TestSupport.XMLLint.path }

  static var isAvailable: Bool { path != nil }

  static let missing: Comment =
    "xmllint is not installed (apt-get install libxml2-utils): schema validation skipped"

  /// A schema of Fixtures/ by name (`Project` or `Codebook`).
  static func schema(_ name: String) throws -> String {
    guard
      let url = Bundle.module.url(forResource: name, withExtension: "xsd", subdirectory: "Fixtures")
    else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).xsd"])
    }
    return url.path
  }

  /// Validates the file; the result is xmllint's exit status and its messages.
  static func validate(_ file: String, against schema: String) throws -> (
    status: Int32, output: String
  ) {
    try TestSupport.XMLLint.validate(file, schemaPath: try self.schema(schema))
  }
}
