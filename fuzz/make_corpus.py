# Seeds for the map_loader fuzz target, replayed by `cargo test` (tests/hostile.rs): the bad-file
# corpus, the small valid map, and hostile shapes of JSON. Run from this folder.
import json, shutil, pathlib, copy
here = pathlib.Path(__file__).parent
out = here / "corpus" / "map_loader"
out.mkdir(parents=True, exist_ok=True)
bad = here.parent / "tests" / "bad"
for f in sorted(bad.glob("*.json")):
    shutil.copy(f, out / f"bad-{f.name}")
good = here.parent / "tests" / "good-small.json"
shutil.copy(good, out / "good-small.json")
base = json.loads(good.read_text())
def w(name, doc):
    data = doc if isinstance(doc, bytes) else (doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False)).encode()
    (out / name).write_bytes(data)
w("minimal.json", {"format": "warrant-map", "version": 1, "map": {}})
w("only-title.json", {"format": "warrant-map", "version": 1, "map": {"title": "x"}})
d = copy.deepcopy(base)
for c in d["map"]["claims"] + d["map"]["quotes"]: del c["pos"]
w("no-positions.json", d)
d = copy.deepcopy(base); d["map"]["story"] = [{"id": "p1", "title": "t", "show": ["c1", "q1"], "focus": ["q1"]}]; w("story.json", d)
d = copy.deepcopy(base); d["map"]["quotes"][0]["anchor"].update(start=2**64 - 1, end=0); w("offsets-max.json", d)
d = copy.deepcopy(base); d["map"]["quotes"][0]["anchor"].update(start=-1); w("offsets-negative.json", d)
d = copy.deepcopy(base); d["map"]["claims"][0]["pos"] = {"x": 1e38, "y": -1e38}; w("pos-huge.json", d)
d = copy.deepcopy(base); d["map"]["claims"][0]["pos"] = {"x": 1e39, "y": 0}; w("pos-overflow.json", d)
d = copy.deepcopy(base); d["map"]["actors"][0]["color"] = "#ééé"; w("color-multibyte.json", d)
d = copy.deepcopy(base); d["map"]["sources"][0]["text"] = ""; w("empty-source.json", d)
d = copy.deepcopy(base); d["map"]["quotes"][0]["anchor"]["exact"] = ""; w("empty-exact.json", d)
d = copy.deepcopy(base); d["version"] = 1.0; w("version-float.json", d)
d = copy.deepcopy(base); d["version"] = 0; w("version-zero.json", d)
d = copy.deepcopy(base); d["version"] = 1e400 if False else "1"; w("version-string.json", d)
w("version-huge.json", json.dumps(base).replace('"version": 1', '"version": 1e400', 1))
w("lone-surrogate.json", json.dumps(base).replace('"NATO is obsolete"', '"NATO \\ud800 obsolete"', 1))
w("nul-escape.json", json.dumps(base).replace('"NATO is obsolete"', '"NATO \\u0000 obsolete"', 1))
w("deep-nesting.json", '{"format": "warrant-map", "version": 1, "map": {"title": ' + "[" * 5000 + "]" * 5000 + "}}")
w("array.json", "[1, 2, 3]")
w("string.json", '"warrant-map"')
w("null.json", "null")
w("bom-only.json", b"\xef\xbb\xbf")
w("utf32.json", json.dumps(base).encode("utf-32"))
w("trailing-garbage.json", json.dumps(base) + " }")
d = copy.deepcopy(base); d["map"]["links"].append({"id": "l3", "from": "c2", "to": "c1", "relation": "supports"}); d["map"]["links"].append({"id": "l4", "from": "c1", "to": "c2", "relation": "supports"}); w("cycle.json", d)
