#!/usr/bin/env python3
"""Agreement of `metaeval check` with a human coding CSV (development measurement).

Usage: Scripts/agreement.py METAEVAL CORPUS_DIR CODING.csv [--misses]
Compares research_question, commissioner, recommendations, method, scope_product,
scope_process, scope_people and is_evaluation; cells coded '?' or empty are skipped.
"""
import csv, json, os, subprocess, sys

CRITERIA = ["research_question", "commissioner", "recommendations", "method",
            "scope_product", "scope_process", "scope_people", "is_evaluation"]

def flatten(result):
    row = {}
    for c in result["criteria"]:
        if c["id"] == "scope":
            for d in c["dimensions"]:
                row["scope_" + d["id"]] = d["verdict"]
        else:
            row[c["id"]] = c["verdict"]
        row[c["id"] + "_evidence"] = " | ".join(e["quote"][:120] for e in c["evidence"][:1])
    return row

def main():
    binary, corpus, coding = sys.argv[1:4]
    show = "--misses" in sys.argv
    labels = list(csv.DictReader(open(coding, encoding="utf-8-sig")))
    agree = {c: 0 for c in CRITERIA}; total = {c: 0 for c in CRITERIA}
    for label in labels:
        path = os.path.join(corpus, label["file"])
        out = subprocess.run([binary, "check", "--format", "json", path], capture_output=True, text=True)
        if not out.stdout.strip():
            print("FAILED", label["file"], out.stderr.strip()); continue
        row = flatten(json.loads(out.stdout))
        for c in CRITERIA:
            want = (label.get(c) or "").strip()
            if want not in ("yes", "no"): continue
            total[c] += 1
            got = row.get(c)
            if got == want: agree[c] += 1
            elif show:
                ev = row.get(c.replace("scope_", "scope") + "_evidence", "") if not c.startswith("scope") else ""
                print(f"  MISS {label['file'][:45]:45} {c:18} want={want} got={got} {ev[:110]}")
    cells = sum(agree.values()); n = sum(total.values())
    for c in CRITERIA:
        print(f"{c:18} {agree[c]:3}/{total[c]:3} = {agree[c]/max(total[c],1):.0%}")
    print(f"{'all cells':18} {cells:3}/{n:3} = {cells/max(n,1):.1%}")

main()
