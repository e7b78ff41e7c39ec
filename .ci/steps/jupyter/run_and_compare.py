"""Executes notebooks with a given Jupyter kernel and compares the run with the committed outputs.

usage: run_and_compare.py KERNEL_NAME OUT_DIR NOTEBOOK...

For each notebook (run in its own folder, so `#r "../..."` resolves), checks:
  - no cell fails, except cells tagged `raises-exception`;
  - every committed diagram (an `image/svg+xml` output) is an `image/svg+xml` output of the run;
  - every line of each committed deterministic output (cells not tagged `output-varies`: stream
    text and the text/plain of values) appears in the same cell's fresh outputs, after the same
    scrubbing as the workbook's own check (repository path, durations, GUIDs, hashes).
Prints `ok`/`FAIL` lines and a final `notebooks: passed=N failed=M`; the executed copies go to OUT_DIR.
"""
import html
import os
import re
import sys
import warnings

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

warnings.filterwarnings("ignore", module="nbformat")
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
GUID = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
HASH = re.compile(r"\b[0-9a-f]{16,}\b")
DURATION = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms)\b")
TAG = re.compile(r"<[^>]+>")


def scrub(text):
    text = text.replace(REPO, "{repo}")
    return DURATION.sub("{duration}", HASH.sub("{hash}", GUID.sub("{guid}", text)))


def joined(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def committed_lines(cell):
    """The lines a reader sees in the committed outputs that any kernel must reproduce."""
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            text = joined(output["text"])
        elif output["output_type"] in ("display_data", "execute_result"):
            data = output.get("data", {})
            if "image/svg+xml" in data:
                continue  # diagrams are checked as images, not as text
            text = joined(data.get("text/plain", ""))
        else:
            continue
        for line in scrub(text).splitlines():
            if line.strip():
                yield line.strip()


def fresh_text(cell):
    """Everything the fresh run shows in a cell, as text (HTML reduced to its text)."""
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append(joined(output["text"]))
        elif output["output_type"] == "error":
            parts.append(joined(output.get("evalue", "")))
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/"):
                value = joined(value)
                parts.append(html.unescape(TAG.sub("", value)) if mime == "text/html" else value)
    return scrub("\n".join(parts))


def svg_count(cell):
    return sum("image/svg+xml" in o.get("data", {}) for o in cell.get("outputs", []))


def main():
    kernel, out_dir, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    passed = failed = 0
    for path in paths:
        committed = nbformat.read(path, as_version=4)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=120, kernel_name=kernel, allow_errors=True,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        problems = []
        try:
            client.execute()
        except CellTimeoutError as e:
            problems.append(f"a cell timed out: {str(e).splitlines()[-1] if str(e) else e}")
        nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
        diagrams = 0
        for index, (old, new) in enumerate(zip(committed.cells, nb.cells)):
            if old.cell_type != "code":
                continue
            tags = old.metadata.get("tags", [])
            errors = [o for o in new.get("outputs", []) if o["output_type"] == "error"]
            if errors and "raises-exception" not in tags:
                e = errors[0]
                problems.append(f"cell {index + 1}: {e.get('ename')}: {e.get('evalue')}")
                continue
            want = svg_count(old)
            diagrams += want
            if svg_count(new) < want:
                problems.append(f"cell {index + 1}: {want} diagram(s) committed, {svg_count(new)} image/svg+xml output(s) in this run")
            if "output-varies" in tags:
                continue
            text = fresh_text(new)
            missing = [line for line in committed_lines(old) if line not in text]
            if missing:
                problems.append(f"cell {index + 1}: {len(missing)} committed line(s) missing, first: {missing[0]!r}")
        if problems:
            failed += 1
            print(f"FAIL {path} ({kernel}):")
            for p in problems:
                print("     " + p)
        else:
            passed += 1
            print(f"ok   {path} ({kernel}): {sum(c.cell_type == 'code' for c in nb.cells)} code cells, {diagrams} diagrams as SVG")
    print(f"notebooks: passed={passed} failed={failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
