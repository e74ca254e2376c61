#!/usr/bin/env bash
# Whole-process benchmark of `secondhand report --input-format jsonl
# --format json-lines`: throughput on one core and on all cores, peak
# memory, linearity (10 MB against 100 MB), article shapes that could be
# slow (one huge paragraph, many quotation marks, many "said"), the same
# bytes through `wc -w` as the machine's byte-scanning reference, and the
# spaCy + textacy peer on a small slice. Prints one Markdown table.
#
#   scripts/bench.sh                 # 100 MB corpus (about 5 minutes)
#   BENCH_MB=20 scripts/bench.sh     # a smaller corpus, for a quick look
#
# The corpus is built in a temporary directory from corpus/ and, when
# present, ../shared/eval/polnear-train.jsonl (repeated to size), and is
# deleted at exit. The peer runs from the virtualenv $PEER_VENV (default
# /tmp/peer; see ../shared/peers/README.md for its setup); without it the
# peer column says so. Needs bash, python3, coreutils and GNU time
# (/usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
mb=${BENCH_MB:-100}
peer_kb=${PEER_KB:-200}
peer_venv=${PEER_VENV:-/tmp/peer}
shared=${SHARED:-$root/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
# The profile a user installs (see Cargo.toml): whole-program optimised.
cargo build --profile dist --quiet
bin=$root/target/dist/secondhand
cores=$(nproc)

# --- inputs -----------------------------------------------------------------
python3 - "$tmp" "$mb" "$peer_kb" "$root/corpus" "$shared/eval/polnear-train.jsonl" <<'PY'
import json, os, sys

tmp, mb, peer_kb, corpus_dir, train = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
articles = []  # (field, text)
for name in sorted(os.listdir(corpus_dir)):
    ext = name.rsplit(".", 1)[-1]
    if ext in ("txt", "md", "markdown", "html", "htm"):
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
            articles.append(("html" if ext.startswith("htm") else "text", f.read()))
if os.path.exists(train):
    with open(train, encoding="utf-8") as f:
        articles += [("text", json.loads(line)["text"]) for line in f if line.strip()]
else:
    print(f"note: {train} not found; the corpus repeats corpus/ only", file=sys.stderr)

def write(path, records):
    """Writes JSONL records; returns (text bytes, words)."""
    size = words = 0
    with open(path, "w", encoding="utf-8") as f:
        for i, (field, text) in enumerate(records):
            f.write(json.dumps({"id": str(i), field: text}, ensure_ascii=False) + "\n")
            size += len(text.encode())
            words += len(text.split())
    return size, words

def news(limit):
    """Corpus articles repeated until `limit` bytes of text."""
    total = 0
    while True:
        for a in articles:
            if total >= limit:
                return
            total += len(a[1].encode())
            yield a

M = 1_000_000
meta = {}
meta["news"] = write(f"{tmp}/news.jsonl", news(mb * M))
meta["news10"] = write(f"{tmp}/news10.jsonl", news(mb * M // 10))
# The peer reads "text" records only.
texts = [a for a in articles if a[0] == "text"]
peer, total = [], 0
while total < peer_kb * 1000:
    a = texts[len(peer) % len(texts)]
    peer.append(a)
    total += len(a[1].encode())
meta["peer"] = write(f"{tmp}/peer.jsonl", peer)
shape = mb * M // 10
# One paragraph of news sentences, no line breaks.
sentence = "The council approved the budget on Tuesday after a long debate about roads. "
meta["paragraph"] = write(f"{tmp}/paragraph.jsonl",
                          [("text", sentence * (shape // len(sentence)))])
# Quotation marks: many short quoted words in records of news size.
quote = '"Yes," "no," and "maybe" were the answers. '
per = 6000 // len(quote)
n = shape // (per * len(quote))
meta["quotes"] = write(f"{tmp}/quotes.jsonl", [("text", quote * per)] * n)
# "said" everywhere: short attributed sentences.
said = 'Ana Ruiz said the plan would work, and officials said it would not. '
per = 6000 // len(said)
n = shape // (per * len(said))
meta["said"] = write(f"{tmp}/said.jsonl", [("text", said * per)] * n)
with open(f"{tmp}/meta", "w") as f:
    for k, (size, words) in meta.items():
        f.write(f"{k} {size} {words}\n")
PY

size_of() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/meta"; }
words_of() { awk -v k="$1" '$1 == k { print $3 }' "$tmp/meta"; }

# --- runs -------------------------------------------------------------------
# One timed run: prints "wall user sys peak_kb".
timed() {
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || {
        echo "failed: $*" >&2
        cat "$tmp/stderr" >&2
        exit 1
    }
    t1=$(date +%s%N)
    awk -F': ' -v ns=$((t1 - t0)) '
        BEGIN { w = ns / 1e9 }
        /User time/ { u = $2 }
        /System time/ { s = $2 }
        /Maximum resident set size/ { m = $2 }
        END { print w, u, s, m }' "$tmp/time"
}

if "$bin" report --help | grep -q -- '--jobs'; then
    one=("$bin" report -j 1)
    all=("$bin" report -j "$cores")
    all_label="$cores threads"
else
    echo "note: this build has no -j; one thread is taskset -c 0" >&2
    one=(taskset -c 0 "$bin" report)
    all=("$bin" report)
    all_label="all cores (no -j: one thread)"
fi
args=(--input-format jsonl --format json-lines)

declare -A wall
rows=()
row() { # name input wall user sys peak_kb words [ref_wall]
    local name=$1 key=$2 w=$3 u=$4 s=$5 kb=$6 ref=${7:-}
    local bytes words
    bytes=$(size_of "$key")
    words=$(words_of "$key")
    rows+=("$(python3 -c '
import sys
name, mb, w, u, s, kb, words, ref, peer = sys.argv[1:]
w, u, s, mb = float(w), float(u), float(s), float(mb) / 1e6
wps = float(words) / w
vs_wc = f"{w / max(float(ref), 1e-3):.1f}×" if ref else "—"
vs_peer = f"{wps / float(peer):,.0f}×" if peer else "—"
print(f"| {name} | {mb:.1f} | {w:.2f} | {u + s:.2f} | {mb / w:.1f} | {mb / max(u + s, 1e-3):.1f} | {wps / 1e6:.2f} M | {int(kb) / 1024:.0f} | {vs_wc} | {vs_peer} |")
' "$name" "$bytes" "$w" "$u" "$s" "$kb" "$words" "$ref" "${peer_wps:-}")")
}

# The peer first, so its words/s is known for the other rows.
peer_wps=
peer_row=
if [ -x "$peer_venv/bin/python" ] && "$peer_venv/bin/python" -c 'import spacy, textacy' 2>/dev/null; then
    if read -r w u s kb < <(timed "$peer_venv/bin/python" "$shared/peers/textacy_quotes.py" \
        --jsonl "$tmp/peer.jsonl" -o "$tmp/peer.out"); then
        # Its own figure excludes loading the model; the row uses the same.
        peer_wps=$(grep -o 'words_per_sec=[0-9]*' "$tmp/stderr" | cut -d= -f2)
    fi
fi
if [ -n "$peer_wps" ]; then
    peer_row=$(python3 -c '
import sys
kb, size, w, u, s, wps, rss = sys.argv[1:]
print(f"| spaCy + textacy peer, {kb} KB slice | {int(size) / 1e6:.2f} | {float(w):.2f} | "
      f"{float(u) + float(s):.2f} | — | — | {int(wps) / 1e6:.4f} M | {int(rss) / 1024:.0f} | — | 1× |")
' "$peer_kb" "$(size_of peer)" "$w" "$u" "$s" "$peer_wps" "$kb")
else
    echo "note: no working peer at $peer_venv (see ../shared/peers/README.md); peer skipped" >&2
fi

# wc -w on the same bytes: the reference for each input.
for key in news news10 paragraph quotes said peer; do
    read -r w _ _ _ < <(timed wc -w "$tmp/$key.jsonl")
    wall[wc_$key]=$w
done

read -r w u s kb < <(timed "${one[@]}" "${args[@]}" "$tmp/news.jsonl")
row "secondhand, 1 thread, news" news "$w" "$u" "$s" "$kb" "${wall[wc_news]}"
one_wall=$w
read -r w u s kb < <(timed "${all[@]}" "${args[@]}" "$tmp/news.jsonl")
row "secondhand, $all_label, news" news "$w" "$u" "$s" "$kb" "${wall[wc_news]}"
all_wall=$w
read -r w u s kb < <(timed "${one[@]}" "${args[@]}" "$tmp/news10.jsonl")
row "secondhand, 1 thread, news ÷10" news10 "$w" "$u" "$s" "$kb" "${wall[wc_news10]}"
ten_wall=$w
for key in paragraph quotes said; do
    read -r w u s kb < <(timed "${one[@]}" "${args[@]}" "$tmp/$key.jsonl")
    wall[$key]=$w
    case $key in
    paragraph) label="one paragraph" ;;
    quotes) label="quotation marks" ;;
    said) label='"said" everywhere' ;;
    esac
    row "secondhand, 1 thread, $label" "$key" "$w" "$u" "$s" "$kb" "${wall[wc_$key]}"
done
read -r w u s kb < <(timed wc -w "$tmp/news.jsonl")
row "wc -w, news" news "$w" "$u" "$s" "$kb"

# --- table ------------------------------------------------------------------
echo "| run | MB of text | wall s | CPU s | MB/s (wall) | MB/s (CPU) | words/s (wall) | peak RSS MB | × wc -w time | × peer words/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
[ -n "$peer_row" ] && echo "$peer_row"
python3 - "$one_wall" "$all_wall" "$ten_wall" "$(size_of news)" "$(size_of news10)" \
    "${wall[paragraph]}" "${wall[quotes]}" "${wall[said]}" \
    "$(size_of paragraph)" "$(size_of quotes)" "$(size_of said)" <<'PY'
import sys
one, all_, ten, big, small, para, quotes, said, spara, squotes, ssaid = map(float, sys.argv[1:])
per = lambda t, n: t / n
news = per(ten, small)
print()
print(f"- all cores: {one / all_:.2f}× the one-thread throughput")
print(f"- linearity: {big / small:.0f}× the input took {one / ten:.1f}× the time")
print(f"- time per byte against ordinary news: one paragraph {per(para, spara) / news:.2f}×, "
      f"quotation marks {per(quotes, squotes) / news:.2f}×, \"said\" {per(said, ssaid) / news:.2f}×")
PY
