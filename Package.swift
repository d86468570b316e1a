// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "metaeval",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "metaeval", targets: ["metaeval"]),
    .executable(name: "metaeval-pdfgen", targets: ["metaeval-pdfgen"]),
    .executable(name: "metaeval-bench", targets: ["metaeval-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CPoppler",
      pkgConfig: "poppler-glib",
      providers: [.apt(["libpoppler-glib-dev"])]
    ),
    .systemLibrary(
      name: "CCairo",
      pkgConfig: "cairo",
      providers: [.apt(["libcairo2-dev"])]
    ),
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // SHA-256 with the processor's SHA instructions, for hashing every file of a corpus.
    .target(name: "CSHA256"),
    // prctl, which Swift cannot call: an extraction worker ends with the run that started it.
    .target(name: "CProcess"),
    .target(name: "PDFExtraction", dependencies: ["CPoppler", "CSHA256"]),
    // The SQLite cache of extracted page texts, shared by corpus runs.
    .target(name: "ExtractionCache", dependencies: ["CSQLite", "PDFExtraction"]),
    .target(name: "PDFWriter", dependencies: ["CCairo"]),
    // Helpers for the test targets: temporary folders and fixture PDFs made with PDFWriter.
    .target(name: "TestSupport", dependencies: ["PDFWriter"]),
    .target(
      name: "MetaEvalCore",
      dependencies: ["PDFExtraction", .product(name: "Yams", package: "Yams")]
    ),
    // REFI-QDA exchange (.qdpx projects and .qdc codebooks) with QDA tools.
    .target(
      name: "QDAExchange",
      dependencies: [
        "MetaEvalCore", "PDFExtraction", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .executableTarget(
      name: "metaeval",
      dependencies: [
        "MetaEvalCore", "PDFExtraction", "ExtractionCache", "QDAExchange", "CProcess",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "metaeval-pdfgen",
      dependencies: [
        "PDFWriter",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks (not tests): speed and memory beside pdftotext, and a corpus generator.
    .executableTarget(
      name: "metaeval-bench",
      dependencies: [
        "MetaEvalCore", "PDFExtraction", "PDFWriter", "ExtractionCache",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "PDFExtractionTests", dependencies: ["PDFExtraction", "PDFWriter", "TestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "MetaEvalCoreTests", dependencies: ["MetaEvalCore", "TestSupport"],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "ExtractionCacheTests", dependencies: ["ExtractionCache", "TestSupport", "CSQLite"]),
    .testTarget(
      name: "QDAExchangeTests", dependencies: ["QDAExchange", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "EndToEndTests", dependencies: ["PDFWriter", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
