"""Executes notebooks through the real Jupyter stack (nbclient + the installed otp-csharp kernel).

usage: execute_notebooks.py OUT_DIR NOTEBOOK...
Each notebook runs in its own folder (so `#r "../..."` resolves) with the kernel its metadata
names; the executed copy is written to OUT_DIR. Prints one line per notebook; on a failing
cell, names the notebook and the cell (counting every cell from 1) with the error.
"""
import os
import sys
import warnings

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

# nbformat 5 warns about cells without ids (optional before nbformat 4.5); not our concern here.
warnings.filterwarnings("ignore", module="nbformat")
out_dir, paths = sys.argv[1], sys.argv[2:]
os.makedirs(out_dir, exist_ok=True)
passed = failed = 0
for path in paths:
    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != "otp-csharp":
        print(f"FAIL {path}: metadata.kernelspec.name is {kernel!r}, expected 'otp-csharp'")
        failed += 1
        continue
    client = NotebookClient(nb, timeout=120, kernel_name=kernel,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    failing_cell = None
    try:
        client.execute()
        print(f"ok   {path}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells")
        passed += 1
    except (CellExecutionError, CellTimeoutError) as e:
        failed += 1
        for index, cell in enumerate(nb.cells):
            if any(o.get("output_type") == "error" for o in cell.get("outputs", [])) \
                    and "raises-exception" not in cell.metadata.get("tags", []):
                failing_cell = index + 1
        where = f"cell {failing_cell}" if failing_cell else "a cell"
        print(f"FAIL {path}: {where} failed through Jupyter:\n" + "\n".join("     " + l for l in str(e).splitlines()[-25:]))
    nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
print(f"notebooks: passed={passed} failed={failed}")
sys.exit(1 if failed else 0)
