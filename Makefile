# metaeval: the two commands of the README, and a few helpers.
SWIFT ?= swift
BIN := .build/release/metaeval
# Release builds link the Swift runtime and Foundation into the executables on Linux: a run
# then starts without binding the symbols of a dozen shared Swift libraries (BENCHMARKS.md).
RELEASE := -c release $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)

.PHONY: run test deps build corpus-pdfs format

## Runs the main job: scores the sample corpus in Corpus/ and writes Reports/sample/.
run: deps
	$(SWIFT) build $(RELEASE) --product metaeval
	$(BIN) corpus Corpus --out Reports/sample

## Runs the whole test suite (installs poppler-glib first when it is missing and we are root).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps:
	@sh Scripts/ensure-deps.sh

build: deps
	$(SWIFT) build $(RELEASE)

## Regenerates Corpus/*.pdf from Corpus/sources/*.rpt with our own cairo typesetter.
corpus-pdfs: deps
	$(SWIFT) build $(RELEASE) --product metaeval-pdfgen
	.build/release/metaeval-pdfgen Corpus/sources/*.rpt -o Corpus

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift
