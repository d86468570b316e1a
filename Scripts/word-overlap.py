#!/usr/bin/env python3
"""Word-multiset overlap between metaeval's extraction and pdftotext's, per PDF.

Usage: Scripts/word-overlap.py METAEVAL_BINARY PDF... [--clean]
Overlap = |A ∩ B| / max(|A|, |B|) over multisets of whitespace-separated words.
Development measurement only; the tests do not depend on it.
"""
import collections, subprocess, sys

def words(text):
    return collections.Counter(text.split())

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    raw = "--clean" not in sys.argv
    binary, pdfs = args[0], args[1:]
    worst = 1.0
    for pdf in pdfs:
        ref = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True).stdout.decode("utf-8", "replace")
        cmd = [binary, "extract"] + (["--raw"] if raw else []) + [pdf]
        ours = subprocess.run(cmd, capture_output=True).stdout.decode("utf-8", "replace")
        a, b = words(ref), words(ours)
        common = sum((a & b).values())
        overlap = common / max(sum(a.values()), sum(b.values()), 1)
        worst = min(worst, overlap)
        print(f"{overlap:.4f}  ref={sum(a.values()):7d} ours={sum(b.values()):7d}  {pdf.split('/')[-1]}")
    print(f"worst {worst:.4f}")

main()
