import json, hashlib, copy, os
text = "NATO is a relic of the Cold War.\nIt is also a dangerously strong bloc.\n"
h = hashlib.sha256(text.encode()).hexdigest()
def q(i, s, e, src="s1"):
    chars = text
    return {"id": i, "source": src, "anchor": {"start": s, "end": e, "exact": chars[s:e], "prefix": chars[max(0,s-32):s], "suffix": chars[e:e+32]}, "note": "", "pos": {"x": 0.0, "y": 200.0}}
base = {"format": "warrant-map", "version": 1, "map": {
  "title": "Bad-file corpus base", "description": "",
  "sources": [{"id": "s1", "title": "A short text", "author": "", "outlet": "", "date": "", "sha256": h, "text": text}],
  "actors": [{"id": "a1", "name": "Moscow", "color": "#1f77b4"}],
  "tags": [],
  "claims": [{"id": "c1", "text": "NATO is obsolete", "actors": ["a1"], "tags": [], "note": "", "pos": {"x": 0.0, "y": 0.0}},
             {"id": "c2", "text": "NATO is a threat", "actors": ["a1"], "tags": [], "note": "", "pos": {"x": 300.0, "y": 0.0}}],
  "quotes": [q("q1", 8, 31)],
  "links": [{"id": "l1", "from": "q1", "to": "c1", "relation": "supports"},
            {"id": "l2", "from": "c1", "to": "c2", "relation": "contradicts"}],
  "story": []}}
assert text[8:31] == "a relic of the Cold War", text[8:31]
def w(name, doc):
    with open(name, "w") as f:
        if isinstance(doc, str): f.write(doc)
        else: json.dump(doc, f, indent=2, ensure_ascii=False); f.write("\n")
w("../good-small.json", base)
full = json.dumps(base, indent=2, ensure_ascii=False)
w("truncated.json", full[: len(full)//2])
w("malformed.json", full.replace('"title": "Bad-file corpus base",', '"title": "Bad-file corpus base"', 1))
w("other-kind.json", {"name": "my-package", "version": "1.0.0", "dependencies": {}})
d = copy.deepcopy(base); del d["version"]; w("missing-version.json", d)
d = copy.deepcopy(base); d["version"] = "one"; w("wrong-version.json", d)
d = copy.deepcopy(base); d["version"] = 99; d["map"]["layers"] = []; w("newer-version.json", d)
d = copy.deepcopy(base); d["map"]["claims"][1]["id"] = "c1"; d["map"]["links"].pop(); w("duplicate-ids.json", d)
d = copy.deepcopy(base); d["map"]["links"][0]["to"] = "c9"; w("dangling-link.json", d)
d = copy.deepcopy(base); d["map"]["quotes"][0]["source"] = "s7"; w("quote-missing-source.json", d)
d = copy.deepcopy(base); d["map"]["quotes"][0]["anchor"].update(start=500, end=521); w("quote-out-of-range.json", d)
d = copy.deepcopy(base); d["map"]["quotes"][0]["anchor"]["exact"] = "a relic of the Warsaw Pact"; w("quote-mismatch.json", d)
d = copy.deepcopy(base); d["map"]["sources"][0]["text"] = text.replace("relic", "relict"); w("hash-mismatch.json", d)
d = copy.deepcopy(base); del d["map"]["claims"][0]["text"]; w("missing-field.json", d)
w("empty.json", "")
# Hostile files (issue 10): each must be refused, or opened, with a message that says what is wrong.
d = copy.deepcopy(base); d["map"]["quotes"][0]["anchor"].update(start=31, end=8); w("quote-reversed.json", d)
d = copy.deepcopy(base); d["map"]["links"][0]["relation"] = 5; w("wrong-type-relation.json", d)
d = copy.deepcopy(base); d["map"]["links"][0]["relation"] = "refutes"; w("unknown-relation.json", d)
w("duplicate-key.json", full.replace('"title": "Bad-file corpus base",', '"title": "Bad-file corpus base",\n    "title": "Another title",', 1))
w("duplicate-key-in-claim.json", full.replace('"text": "NATO is obsolete",', '"text": "NATO is obsolete",\n        "text": "NATO is eternal",', 1))
with open("utf16.json", "wb") as f: f.write(full.encode("utf-16"))
with open("utf16be-no-bom.json", "wb") as f: f.write(full.encode("utf-16-be"))
with open("utf8-bom.json", "wb") as f: f.write(b"\xef\xbb\xbf" + full.encode())
d = copy.deepcopy(base); d["map"]["claims"][0]["text"] = "NATO is \ufffe obsolete \uffff\u0001\u001b[2J"; d["map"]["title"] = "Title \ufffe"; w("non-xml-chars.json", d)
