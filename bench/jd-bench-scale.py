#!/usr/bin/env python3
"""jd-bench-scale.py: the lookup figures of several jd-bench runs, one per
number of messages (--messages=N), side by side with curl | jq of the same
run, and the scale targets: status ≤ 0.2× curl | jq at 100,000 and flat
in N; every main-loop gap ≤ 50 ms at 1,000,000 (lookup, search and
filter); memory added at 1,000,000 ≤ 2.5× its answer; memory kept after
the job is replaced ≤ 20 MB.

Usage: jd-bench-scale.py N=RESULTS.json [N=RESULTS.json …]
It prints; it never fails on a target.
"""
import json
import sys


def median(results, key):
    figure = results["figures"].get(key)
    return None if figure is None else figure["median"]


def main(argv):
    rows = []
    for arg in argv[1:]:
        count, _, path = arg.partition("=")
        with open(path, encoding="utf-8") as f:
            rows.append((int(count), json.load(f)))
    rows.sort(key=lambda row: row[0])
    if not rows:
        print("jd-bench-scale.py: no results", file=sys.stderr)
        return 2

    print("Lookup by number of messages (medians; ratios against curl | jq of the same run):")
    print(f"{'messages':>10} {'status':>9} {'ratio':>6} {'all':>9} {'ratio':>6} {'curl|jq':>9} "
          f"{'max gap':>8} {'peak +':>8} {'kept':>7}")
    status_by_n = {}
    for count, results in rows:
        status = median(results, "lookup_window_ms")
        settled = median(results, "lookup_window_settled_ms")
        curl = median(results, "curl_jq_ms")
        gap = median(results, "main_loop_max_gap_ms")
        peak = median(results, "peak_added_mb")
        kept = median(results, "retained_mb")
        status_by_n[count] = (status, curl, gap, kept)
        print(f"{count:>10,} {status:>7.0f}ms {status / curl:>6.2f} {settled:>7.0f}ms {settled / curl:>6.2f} "
              f"{curl:>7.0f}ms {gap:>6.1f}ms {peak:>6.0f}MB {kept:>5.1f}MB")

    print()
    print("Targets:")
    if 100000 in status_by_n:
        status, curl, _, _ = status_by_n[100000]
        ok = status / curl <= 0.2
        print(f"  status at 100,000 ≤ 0.2× curl | jq: {status / curl:.2f} {'✓' if ok else '✗'}")
    smallest, largest = rows[0][0], rows[-1][0]
    if largest > smallest:
        growth = status_by_n[largest][0] / status_by_n[smallest][0]
        # flat: a thousand times the messages, at most twice the time
        ok = growth <= 2.0
        print(f"  status flat in N: {largest:,} messages take {growth:.2f}× the time of {smallest:,} (≤ 2) "
              f"{'✓' if ok else '✗'}")
    if 1000000 in status_by_n:
        results = dict(rows)[1000000]
        gap = status_by_n[1000000][2]
        print(f"  every main-loop gap at 1,000,000 ≤ 50 ms, lookup: {gap:.1f} ms {'✓' if gap <= 50 else '✗'}")
        step = results["figures"].get("filter_max_gap_ms")
        if step is not None:
            print(f"  every main-loop gap at 1,000,000 ≤ 50 ms, search and filter: {step['max']:.1f} ms at worst "
                  f"{'✓' if step['max'] <= 50 else '✗'} (keystroke to frame {median(results, 'search_frame_ms'):.0f} ms, "
                  f"matches painted {median(results, 'search_matched_ms'):.0f} ms, filter to frame "
                  f"{median(results, 'filter_frame_ms'):.0f} ms; medians)")
        peak = median(results, "peak_added_mb")
        # the budget: at most 2.5 times the 117 MB answer (1,000,000 of the
        # sample server's messages) added while the job is shown
        print(f"  memory added at 1,000,000 ≤ 290 MB (2.5× its 117 MB answer): {peak:.0f} MB "
              f"{'✓' if peak <= 290 else '✗'}")
    worst_kept = max(status_by_n[n][3] for n in status_by_n)
    print(f"  kept after the job is replaced ≤ 20 MB: {worst_kept:.1f} MB at worst {'✓' if worst_kept <= 20 else '✗'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
