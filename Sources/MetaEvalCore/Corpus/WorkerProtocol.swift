import Foundation
import PDFExtraction

/// How a worker's replies cross the pipe: a type byte (`D` a document in `DocumentCodec`
/// form, `F` a `WorkerReply.Failure` as JSON), the payload's length (32-bit little-endian) and
/// the payload. A long document passes as its bytes, without JSON escaping and parsing.
public enum WorkerFrame {
  public static let documentType: UInt8 = 0x44  // D
  public static let failureType: UInt8 = 0x46  // F
  static let headerLength = 5

  public static func document(_ document: ExtractedDocument) -> Data {
    frame(documentType, DocumentCodec.encode(document))
  }

  public static func failure(_ json: Data) -> Data { frame(failureType, json) }

  static func frame(_ type: UInt8, _ payload: Data) -> Data {
    var data = Data([type])
    withUnsafeBytes(of: UInt32(payload.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(payload)
    return data
  }

  /// The reply a frame holds, or nil when it is not one.
  static func reply(type: UInt8, payload: Data) -> WorkerReply? {
    switch type {
    case documentType:
      return DocumentCodec.decode(payload, path: "").map { WorkerReply(document: $0) }
    case failureType:
      return (try? JSONDecoder().decode(WorkerReply.Failure.self, from: payload)).map {
        WorkerReply(failure: $0)
      }
    default:
      return nil
    }
  }
}

/// One line from the parent to an extraction worker: a file to extract.
public struct WorkerRequest: Codable, Sendable {
  public var path: String
  /// The digest the parent computed, and the file's stamp when it did: when the stamp still
  /// holds, the worker does not read the whole file to compute it again.
  public var sha256: String?
  public var stamp: FileDigest.Stamp?

  public init(path: String, sha256: String? = nil, stamp: FileDigest.Stamp? = nil) {
    self.path = path
    self.sha256 = sha256
    self.stamp = stamp
  }

  /// The parent's digest when the file still has the stamp it had then.
  public var knownSHA256: String? {
    guard let sha256, let stamp, FileDigest.stamp(path: path) == stamp else { return nil }
    return sha256
  }
}

/// One reply: the document (its path is the caller's to set), or why it could not be
/// extracted.
public struct WorkerReply: Sendable {
  public struct Failure: Codable, Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
      self.code = code
      self.message = message
    }
  }

  public var document: ExtractedDocument?
  public var failure: Failure?

  public init(document: ExtractedDocument? = nil, failure: Failure? = nil) {
    self.document = document
    self.failure = failure
  }
}
