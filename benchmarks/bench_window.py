"""The window on a 200k-quote case: time to first page after open, data() calls per repaint
against visible rows × columns, scroll step time, and search latency, in one run (offscreen).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window.py [QUOTES]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from benchmarks.common import WORDS, fill_case, p95, report, scratch
from casefile.domain.enums import RecordKind
from casefile.services.case import create_case
from casefile.settings import Settings
from ui.case_controller import CaseController
from ui.main_window import MainWindow
from ui.privacy_state import PrivacyState


def main(count: int) -> None:
    app = QApplication.instance() or QApplication([])
    folder = scratch("window")
    try:
        path = folder / "big.casefile"
        case = create_case(path, title="Big", passphrase=None)
        fill_case(case, quotes=count)
        case.close()
        controller = CaseController(Settings(), persist_settings=False)
        window = MainWindow(controller, PrivacyState())
        window.resize(1400, 900)
        window.show()
        app.processEvents()

        start = time.perf_counter()
        window.open_path(path)
        window.sidebar.select(RecordKind.QUOTE)
        window.list.viewport().repaint()
        first_page = time.perf_counter() - start
        model = window.list.model_for(RecordKind.QUOTE)
        controller.runner.wait()
        app.processEvents()
        loaded = model.rowCount() == count and not model.loading

        view = window.list
        rows_visible = view.viewport().height() // view.verticalHeader().defaultSectionSize() + 1
        columns_visible = sum(1 for i in range(model.columnCount()) if not view.isColumnHidden(i))
        model.data_calls = 0
        view.viewport().repaint()
        calls_per_repaint = model.data_calls

        steps = []
        bar = view.verticalScrollBar()
        for i in range(60):
            t = time.perf_counter()
            bar.setValue(int(bar.maximum() * i / 60))
            view.viewport().repaint()
            steps.append(time.perf_counter() - t)

        latencies = []
        for word in WORDS * 2:
            t = time.perf_counter()
            window.results.run(word[:5])
            latencies.append(time.perf_counter() - t)
        controller.close()
        report(
            f"window: {count:,} quotes (offscreen)",
            [
                (
                    "open → first page painted",
                    f"{first_page * 1000:.0f} ms (all {count:,} keys loaded after: {loaded})",
                ),
                (
                    "data() calls per repaint",
                    f"{calls_per_repaint} for ~{rows_visible} rows × {columns_visible} columns",
                ),
                (
                    "scroll step (jump + repaint)",
                    f"median {statistics.median(steps) * 1000:.1f} ms, "
                    f"p95 {p95(steps) * 1000:.1f} ms",
                ),
                (
                    "search latency (5-letter prefix)",
                    f"p95 {p95(latencies) * 1000:.1f} ms (aim < 50 ms)",
                ),
            ],
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
